using FedDashboard.Core.Domain.Refusals;
using FedDashboard.Core.Domain.Security;
using MudBlazor;

namespace FedDashboard.Components.Controls;

/// <summary>
/// Runs a button's action through Core and reports how it went in a snackbar. Core has the last word: a refusal for the
/// user's roles, bad input (also shown at its field) or an illegal move for the state of what they act on shows its
/// reason, changes nothing and is in the audit log. Anything else keeps the page alive with a message that says only
/// that it failed; the details go to the server's log.
/// </summary>
public static class CoreActions
{
    public const string UnexpectedMessage = "Something went wrong on the server; nothing more is shown here. The details are in the server's log.";

    /// <param name="action">Acts, and returns the snackbar's message for when it went through.</param>
    /// <param name="fields">Where the page shows bad input at its field, if it has fields.</param>
    /// <returns>Whether the action went through.</returns>
    public static async Task<bool> RunAsync(ISnackbar snackbar, PageRefusals refusals, Func<Task<string>> action, FieldMessages? fields = null)
    {
        fields?.Clear();
        try
        {
            snackbar.Add(await action(), Severity.Success);
            return true;
        }
        catch (AccessDeniedException refused)
        {
            // Core audited it already.
            snackbar.Add(refused.Message, Severity.Error);
        }
        catch (Exception refused) when (refused is InvalidInputException or ConflictException or NotFoundException)
        {
            // Audited before it is shown: a field's message re-renders the page at once, and what an operator saw refused
            // must already be in the log (a test reading the log on seeing the message found it missing on a busy machine).
            await refusals.RecordAsync(refused.Message);
            fields?.Set(refused is InvalidInputException { Field: { } field } ? field : FieldMessages.Form, refused.Message);
            snackbar.Add(refused.Message, Severity.Warning);
        }
        catch (Exception unexpected)
        {
            refusals.Unexpected(unexpected);
            snackbar.Add(UnexpectedMessage, Severity.Error);
        }
        return false;
    }
}
