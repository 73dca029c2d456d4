using System.Globalization;
using System.Reflection;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace FedDashboard.Core.Spreadsheets;

/// <summary>
/// The columns of a sheet of <typeparamref name="TRow"/>: one per public property, in declaration order, headed by its
/// name. Numbers are number cells, times are date cells with the time shown, everything else is text.
/// </summary>
internal sealed class SheetColumns<TRow>
{
    /// <summary>Excel refuses a longer cell text (it offers to repair the file).</summary>
    private const int MaxCellText = 32_767;

    private readonly PropertyInfo[] _properties = typeof(TRow).GetProperties(BindingFlags.Public | BindingFlags.Instance);
    private readonly string[] _letters;

    public SheetColumns() => _letters = [.. Enumerable.Range(0, _properties.Length).Select(Letters)];

    public IEnumerable<string> Headers => _properties.Select(p => p.Name);

    public Columns Widths() => new([.. _properties.Select((p, i) => (p.GetCustomAttribute<ColumnWidthAttribute>()?.Characters, index: (uint)i + 1))
        .Where(c => c.Characters is not null)
        .Select(c => new Column { Min = c.index, Max = c.index, Width = c.Characters, CustomWidth = true })]);

    public string Reference(int column, uint row) => _letters[column] + row.ToString(CultureInfo.InvariantCulture);

    public IEnumerable<(int Column, Cell Cell)> Cells(TRow row)
    {
        for (var i = 0; i < _properties.Length; i++)
            if (ValueCell(_properties[i].GetValue(row)) is { } cell) yield return (i, cell);
    }

    public static Cell TextCell(string text) => new()
    {
        DataType = CellValues.InlineString,
        InlineString = new InlineString(new Text(XmlSafe(text)) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }),
    };

    private static Cell? ValueCell(object? value) => value switch
    {
        null => null,
        DateTime time => new Cell { StyleIndex = XlsxStyles.DateTime, CellValue = new CellValue(time.ToOADate().ToString("R", CultureInfo.InvariantCulture)) },
        decimal or double or float or int or long or short or byte or uint or ulong => new Cell { CellValue = new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture)!) },
        _ => TextCell(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };

    /// <summary>Text typed by people (correction reasons) may hold control characters that XML cannot carry; they are dropped.</summary>
    private static string XmlSafe(string text)
    {
        if (text.Length > MaxCellText) text = text[..(MaxCellText - 1)] + "…";
        if (text.All(XmlConvert.IsXmlChar)) return text;
        var safe = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i])) safe.Append(text[i]);
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i])) safe.Append(text, i++, 2);
        }
        return safe.ToString();
    }

    private static string Letters(int index) => index < 26 ? ((char)('A' + index)).ToString() : Letters(index / 26 - 1) + (char)('A' + index % 26);
}
