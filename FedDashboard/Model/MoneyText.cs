using System.Globalization;

namespace FedDashboard.Model;

public static class MoneyText
{
    /// <summary>All four places the ledger keeps, so a total on the page is the total in the export.</summary>
    public static string Of(decimal amount, string currency) => string.Create(CultureInfo.InvariantCulture, $"{amount:#,##0.0000} {currency}");
}
