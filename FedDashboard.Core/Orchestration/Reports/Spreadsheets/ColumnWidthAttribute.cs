namespace FedDashboard.Core.Orchestration.Reports.Spreadsheets;

/// <summary>A property's column width in an XLSX export, in characters, where the default (about 9) cuts its values off.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ColumnWidthAttribute(double characters) : Attribute
{
    public double Characters { get; } = characters;
}
