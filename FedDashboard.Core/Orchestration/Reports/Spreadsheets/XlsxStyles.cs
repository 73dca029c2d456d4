using System.Xml;

namespace FedDashboard.Core.Orchestration.Reports.Spreadsheets;

/// <summary>The export's cell styles, by index: the default, a time with its milliseconds, and a bold header.</summary>
internal static class XlsxStyles
{
    public const int Default = 0;
    public const int DateTime = 1;
    public const int Header = 2;

    /// <summary>The first number format id free for custom formats; lower ids are Excel's built-in ones.</summary>
    private const string TimeFormatId = "164";

    // A spreadsheet shows a bare date serial as a day only; the ledger's order within a day is in the time.
    public const string TimeFormat = "yyyy-mm-dd hh:mm:ss.000";

    /// <summary>The styles part, in the schema's order; the first two fills are reserved by the format (none and gray125).</summary>
    public static void Write(XmlWriter xml)
    {
        xml.WriteStartElement("styleSheet", XlsxWriter.SpreadsheetNamespace);
        List("numFmts", () => Empty("numFmt", ("numFmtId", TimeFormatId), ("formatCode", TimeFormat)));
        List("fonts", () => Empty("font"), () =>
        {
            xml.WriteStartElement("font");
            Empty("b");
            xml.WriteEndElement();
        });
        List("fills", () => Fill("none"), () => Fill("gray125"));
        List("borders", () =>
        {
            xml.WriteStartElement("border");
            foreach (var side in new[] { "left", "right", "top", "bottom", "diagonal" }) Empty(side);
            xml.WriteEndElement();
        });
        List("cellStyleXfs", () => Empty("xf", ("numFmtId", "0"), ("fontId", "0"), ("fillId", "0"), ("borderId", "0")));
        List("cellXfs",
            () => Empty("xf", ("numFmtId", "0"), ("fontId", "0"), ("fillId", "0"), ("borderId", "0"), ("xfId", "0")),
            () => Empty("xf", ("numFmtId", TimeFormatId), ("fontId", "0"), ("fillId", "0"), ("borderId", "0"), ("xfId", "0"), ("applyNumberFormat", "1")),
            () => Empty("xf", ("numFmtId", "0"), ("fontId", "1"), ("fillId", "0"), ("borderId", "0"), ("xfId", "0"), ("applyFont", "1")));
        List("cellStyles", () => Empty("cellStyle", ("name", "Normal"), ("xfId", "0"), ("builtinId", "0")));
        xml.WriteEndElement();

        void List(string name, params Action[] items)
        {
            xml.WriteStartElement(name);
            xml.WriteAttributeString("count", items.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
            foreach (var item in items) item();
            xml.WriteEndElement();
        }

        void Fill(string pattern)
        {
            xml.WriteStartElement("fill");
            Empty("patternFill", ("patternType", pattern));
            xml.WriteEndElement();
        }

        void Empty(string name, params (string Name, string Value)[] attributes)
        {
            xml.WriteStartElement(name);
            foreach (var (attribute, value) in attributes) xml.WriteAttributeString(attribute, value);
            xml.WriteEndElement();
        }
    }
}
