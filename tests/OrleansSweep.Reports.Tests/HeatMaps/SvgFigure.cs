using System.Globalization;
using System.Xml.Linq;

namespace OrleansSweep.Reports.Tests.HeatMaps;

/// <summary>A rendered heat map parsed with System.Xml.Linq, with finders for its parts.</summary>
internal sealed class SvgFigure
{
    public static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    public SvgFigure(string svg)
    {
        Text = svg;
        Document = XDocument.Parse(svg);
    }

    public string Text { get; }

    public XDocument Document { get; }

    public XElement Root => Document.Root!;

    public XElement? Group(string cssClass) =>
        Root.Descendants(Ns + "g").FirstOrDefault(g => (string?)g.Attribute("class") == cssClass);

    public XElement ElementWithClass(string cssClass) =>
        Root.Descendants().Single(e => (string?)e.Attribute("class") == cssClass);

    public List<XElement> Cells() => Group("cells")!.Elements(Ns + "rect").ToList();

    public (double Left, double Top, double Right, double Bottom) PlotFrame()
    {
        var frame = ElementWithClass("plot-frame");
        var x = Number(frame, "x");
        var y = Number(frame, "y");
        return (x, y, x + Number(frame, "width"), y + Number(frame, "height"));
    }

    public static double Number(XElement element, string attribute) =>
        double.Parse((string)element.Attribute(attribute)!, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>The points of an "M x y L x y …" path.</summary>
    public static List<(double X, double Y)> PathPoints(XElement path)
    {
        var tokens = ((string)path.Attribute("d")!).Replace("M", " ", StringComparison.Ordinal).Replace("L", " ", StringComparison.Ordinal)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(t => double.Parse(t, NumberStyles.Float, CultureInfo.InvariantCulture))
            .ToArray();
        return Enumerable.Range(0, tokens.Length / 2).Select(k => (tokens[2 * k], tokens[(2 * k) + 1])).ToList();
    }
}
