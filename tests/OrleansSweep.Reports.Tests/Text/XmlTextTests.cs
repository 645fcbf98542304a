using System.Xml.Linq;
using OrleansSweep.Reports.Text;

namespace OrleansSweep.Reports.Tests.Text;

public class XmlTextTests
{
    [Fact]
    public void Escapes_markup_characters()
    {
        Assert.Equal("&lt;b&gt; &amp; &quot;q&quot; &#39;s&#39;", XmlText.Escape("<b> & \"q\" 's'"));
    }

    [Fact]
    public void Any_text_yields_well_formed_xml()
    {
        // Controls, a lone surrogate and U+FFFF are not allowed in XML 1.0; a valid surrogate pair (𝜆) is kept.
        var nasty = "a\u0001b\u0008c\uD800d\uFFFFe 𝜆 ]]> <!-- & \t\n";
        var doc = XDocument.Parse("<r a=\"" + XmlText.Escape(nasty) + "\">" + XmlText.Escape(nasty) + "</r>");
        Assert.Contains("𝜆", doc.Root!.Value, StringComparison.Ordinal);
        Assert.Contains("]]> <!-- &", doc.Root.Value, StringComparison.Ordinal);
        Assert.Equal(4, doc.Root.Value.Count(c => c == '\uFFFD'));
    }
}
