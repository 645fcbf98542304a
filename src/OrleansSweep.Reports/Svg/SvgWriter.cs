using System.Text;
using OrleansSweep.Reports.Text;

namespace OrleansSweep.Reports.Svg;

/// <summary>Writes indented SVG markup; every attribute value and text is XML-escaped, every number invariant.</summary>
internal sealed class SvgWriter
{
    private readonly StringBuilder _sb = new();
    private int _depth;

    /// <summary>Appends raw markup (only for constant markup written by this library).</summary>
    public void Raw(string markup) => _sb.Append(markup);

    /// <summary>Writes <c>&lt;name attrs&gt;</c> and indents what follows.</summary>
    public void Open(string name, params ReadOnlySpan<(string Name, string Value)> attributes)
    {
        StartTag(name, attributes);
        _sb.Append(">\n");
        _depth++;
    }

    /// <summary>Writes <c>&lt;/name&gt;</c>.</summary>
    public void Close(string name)
    {
        _depth--;
        Indent();
        _sb.Append("</").Append(name).Append(">\n");
    }

    /// <summary>Writes an empty element <c>&lt;name attrs/&gt;</c>.</summary>
    public void Element(string name, params ReadOnlySpan<(string Name, string Value)> attributes)
    {
        StartTag(name, attributes);
        _sb.Append("/>\n");
    }

    /// <summary>Writes an element whose only child is a <c>&lt;title&gt;</c> (a browser tooltip), or an empty element when the title is null.</summary>
    public void ElementWithTitle(string name, string? title, params ReadOnlySpan<(string Name, string Value)> attributes)
    {
        if (title is null)
        {
            Element(name, attributes);
            return;
        }

        StartTag(name, attributes);
        _sb.Append("><title>");
        XmlText.Append(_sb, title);
        _sb.Append("</title></").Append(name).Append(">\n");
    }

    /// <summary>Writes an element with escaped plain-text content.</summary>
    public void PlainText(string name, string text)
    {
        Indent();
        _sb.Append('<').Append(name).Append('>');
        XmlText.Append(_sb, text);
        _sb.Append("</").Append(name).Append(">\n");
    }

    /// <summary>
    /// Writes a <c>&lt;text&gt;</c> with <paramref name="markup"/> rendered as runs: sub- and superscripts are tspans at
    /// 75 % size shifted by dy (0.3 em down, 0.42 em up), which every SVG 1.1 renderer supports (baseline-shift is not).
    /// </summary>
    public void Text(string markup, double x, double y, TextStyle style, double rotate = 0)
    {
        Indent();
        _sb.Append("<text x=\"").Append(Invariant.Px(x)).Append("\" y=\"").Append(Invariant.Px(y))
            .Append("\" font-size=\"").Append(Invariant.Px(style.Size)).Append('"');
        if (style.Anchor != "start")
        {
            _sb.Append(" text-anchor=\"").Append(style.Anchor).Append('"');
        }

        _sb.Append(" fill=\"").Append(style.Fill).Append('"');
        if (style.Bold)
        {
            _sb.Append(" font-weight=\"bold\"");
        }

        if (rotate != 0)
        {
            _sb.Append(" transform=\"rotate(").Append(Invariant.Px(rotate)).Append(' ')
                .Append(Invariant.Px(x)).Append(' ').Append(Invariant.Px(y)).Append(")\"");
        }

        if (style.Class is not null)
        {
            _sb.Append(" class=\"").Append(XmlText.Escape(style.Class)).Append('"');
        }

        _sb.Append('>');
        AppendRuns(markup, style.Size);
        _sb.Append("</text>\n");
    }

    public override string ToString() => _sb.ToString();

    private void AppendRuns(string markup, double size)
    {
        var offset = 0.0;
        foreach (var run in RichText.Parse(markup))
        {
            var target = run.Shift switch
            {
                TextShift.Sub => 0.3 * size,
                TextShift.Super => -0.42 * size,
                _ => 0.0,
            };
            var dy = target - offset;
            if (run.Shift == TextShift.None && dy == 0)
            {
                XmlText.Append(_sb, run.Text);
                continue;
            }

            _sb.Append("<tspan");
            if (dy != 0)
            {
                _sb.Append(" dy=\"").Append(Invariant.Px(dy)).Append('"');
            }

            if (run.Shift != TextShift.None)
            {
                _sb.Append(" font-size=\"").Append(Invariant.Px(size * RichText.SubScale)).Append('"');
            }

            _sb.Append('>');
            XmlText.Append(_sb, run.Text);
            _sb.Append("</tspan>");
            offset = target;
        }
    }

    private void StartTag(string name, ReadOnlySpan<(string Name, string Value)> attributes)
    {
        Indent();
        _sb.Append('<').Append(name);
        foreach (var (attribute, value) in attributes)
        {
            _sb.Append(' ').Append(attribute).Append("=\"");
            XmlText.Append(_sb, value);
            _sb.Append('"');
        }
    }

    private void Indent() => _sb.Append(' ', 2 * _depth);
}
