using System.Net.Mail;
using FedDashboard.Core.Domain.Policies.Reward;
using FedDashboard.Core.Domain.Refusals;
using FedDashboard.Core.Domain.Rewards;
using FedDashboard.Core.Learning.Models;

namespace FedDashboard.Core.Domain.Clients;

/// <summary>What an administrator says about a client application when registering or editing it.</summary>
/// <param name="SpendingLimit">The most its requests may spend in rewards, in all, in <paramref name="Currency"/>.</param>
public sealed record ClientDetails(string Name, string ContactEmail, IReadOnlyList<ModelArchitecture> AllowedModels, decimal SpendingLimit, string Currency)
{
    public const int NameMaxLength = 100;

    /// <summary>The longest address SMTP carries (RFC 5321's path limit less its brackets).</summary>
    public const int EmailMaxLength = 254;

    /// <summary>The inputs' names in requests and on the page, for a refusal shown at its field.</summary>
    public const string NameField = "name", ContactEmailField = "contactEmail", AllowedModelsField = "allowedModels",
        SpendingLimitField = "spendingLimit", CurrencyField = "currency";

    /// <summary>The details trimmed, the models in order and once each.</summary>
    /// <exception cref="InvalidInputException">The first input that is not acceptable, at its field.</exception>
    public ClientDetails Checked()
    {
        var name = TextInput.Required(Name, NameMaxLength, NameField, "A client's name", "A client needs a name.");
        var email = TextInput.Required(ContactEmail, EmailMaxLength, ContactEmailField, "A contact e-mail address",
            "A client needs a contact e-mail address, for whoever answers for its requests.");
        if (!MailAddress.TryCreate(email, out var address) || address.Address != email || address.DisplayName.Length > 0)
            throw new InvalidInputException($"'{email}' is not an e-mail address such as ops@example.com.", ContactEmailField);
        if (AllowedModels is null or { Count: 0 })
            throw new InvalidInputException($"A client may order at least one model ({string.Join(", ", Enum.GetNames<ModelArchitecture>())}).", AllowedModelsField);
        if (AllowedModels.Where(m => !Enum.IsDefined(m)).Select(m => (ModelArchitecture?)m).FirstOrDefault() is { } unknown)
            throw new InvalidInputException($"There is no model {unknown}; the models are {string.Join(", ", Enum.GetNames<ModelArchitecture>())}.", AllowedModelsField);
        if (SpendingLimit is < 0 or > RewardPolicy.MaxAmount || decimal.Round(SpendingLimit, RewardCalculator.Decimals) != SpendingLimit)
            throw new InvalidInputException(
                $"A spending limit is from 0 to {RewardPolicy.MaxAmount:0} with at most {RewardCalculator.Decimals} decimal places, as the ledger keeps amounts (was {SpendingLimit}).",
                SpendingLimitField);
        var currency = Currency?.Trim() ?? "";
        if (RewardPolicy.CurrencyProblem(currency) is { } problem) throw new InvalidInputException(problem, CurrencyField);
        return new ClientDetails(name, email, [.. AllowedModels.Distinct().Order()], SpendingLimit, currency);
    }
}
