using System.Globalization;

namespace FedDashboard.Core.Domain.Strategies;

/// <summary>How the dashboard names the model a participant was given: "full", "width 0.50", plus its group.</summary>
public static class ModelVariantName
{
    public const int MaxLength = 50;

    public static string Of(double width, string? group)
    {
        var size = width == 1 ? "full" : string.Create(CultureInfo.InvariantCulture, $"width {width:0.00}");
        var name = group is null ? size : $"{size} · {group}";
        return name.Length <= MaxLength ? name : name[..(MaxLength - 1)] + "…";
    }
}
