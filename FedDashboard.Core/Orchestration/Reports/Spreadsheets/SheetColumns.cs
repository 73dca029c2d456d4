using System.Globalization;
using System.Reflection;
using System.Text;
using System.Xml;

namespace FedDashboard.Core.Orchestration.Reports.Spreadsheets;

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

    public IEnumerable<SheetCell> Headers => _properties.Select(p => SheetCell.Text(p.Name, XlsxStyles.Header));

    /// <summary>Column numbers (from 1) with their width in characters, where the property asks for one.</summary>
    public IEnumerable<(int Column, double Width)> Widths =>
        _properties.Select((p, i) => (Column: i + 1, p.GetCustomAttribute<ColumnWidthAttribute>()?.Characters))
            .Where(c => c.Characters is not null)
            .Select(c => (c.Column, c.Characters!.Value));

    public string Reference(int column, int row) => _letters[column] + row.ToString(CultureInfo.InvariantCulture);

    /// <summary>The row's cells by column index (from 0); a null value has no cell.</summary>
    public IEnumerable<(int Column, SheetCell Cell)> Cells(TRow row)
    {
        for (var i = 0; i < _properties.Length; i++)
            if (ValueCell(_properties[i].GetValue(row)) is { } cell) yield return (i, cell);
    }

    private static SheetCell? ValueCell(object? value) => value switch
    {
        null => null,
        DateTime time => SheetCell.Number(time.ToOADate().ToString("R", CultureInfo.InvariantCulture), XlsxStyles.DateTime),
        decimal or double or float or int or long or short or byte or uint or ulong => SheetCell.Number(Convert.ToString(value, CultureInfo.InvariantCulture)!),
        _ => SheetCell.Text(XmlSafe(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "")),
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

/// <summary>One cell's content as the sheet stores it: a number in invariant form, or inline text; and its style.</summary>
internal readonly record struct SheetCell(bool IsText, string Value, int Style)
{
    public static SheetCell Number(string value, int style = XlsxStyles.Default) => new(false, value, style);

    public static SheetCell Text(string value, int style = XlsxStyles.Default) => new(true, value, style);
}
