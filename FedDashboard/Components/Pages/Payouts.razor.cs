using FedDashboard.Components.Controls;
using FedDashboard.Components.Dialogs;
using FedDashboard.Core.Domain.Rewards.Payouts;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Orchestration.Governance;
using FedDashboard.Core.Orchestration.Rewards.Payouts;
using FedDashboard.Model;
using FedDashboard.Security;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FedDashboard.Components.Pages;

public partial class Payouts : ComponentBase
{
    private PayoutsModel? _model;
    private PayoutFormOptions? _options;
    private PayoutForm _form = new();
    private PayoutBatch? _shown;
    private IReadOnlyList<PayoutTerminalSum>? _terminals;
    private bool _busy;

    [Inject] public required PayoutQueries Queries { get; set; }
    [Inject] public required PayoutBatches Batches { get; set; }
    [Inject] public required CurrentActor CurrentActor { get; set; }
    [Inject] public required ISnackbar Snackbar { get; set; }
    [Inject] public required PageRefusals Refusals { get; set; }
    [Inject] public required IDialogService Dialogs { get; set; }
    [Inject] public required TimeProvider Clock { get; set; }

    private string CurrencyHelp => _options is { Currencies.Count: > 0 } options ? $"In the ledger: {string.Join(", ", options.Currencies)}" : "Three letters, e.g. EUR";

    /// <summary>
    /// The page shows its form and buttons once interactive: prerendered ones would take clicks and typing that go
    /// nowhere until the circuit connects.
    /// </summary>
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender) return;
        _options = await Queries.OptionsAsync();
        _form = PayoutForm.ThisMonth(Clock.GetUtcNow(), _options.Currencies);
        await ReloadAsync();
        StateHasChanged();
    }

    private async Task ReloadAsync()
    {
        _model = new PayoutsModel(await Queries.ListAsync(), await CurrentActor.GetAsync());
        _form.Preview = await Batches.PreviewAsync(_form.Scope, _form.Currency);
        if (_shown is { } shown) await ShowAsync(_model.Batches.FirstOrDefault(b => b.Id == shown.Id) ?? shown);
    }

    private async Task ChangeAsync(Action change)
    {
        change();
        _form.Preview = await Batches.PreviewAsync(_form.Scope, _form.Currency);
    }

    private async Task ShowAsync(PayoutBatch batch)
    {
        _shown = batch;
        _terminals = await Queries.TerminalsAsync(batch.Id);
    }

    private string ScopeNames(PayoutScope scope) =>
        $"{NameOf(scope.EdgeId, _options!.Edges, "any edge", "edge")} · {NameOf(scope.JobId, _options.Jobs, "any job", "job")}";

    private static string NameOf(int? id, IReadOnlyList<ReportChoice> options, string any, string kind) =>
        id is not { } known ? any : options.FirstOrDefault(o => o.Id == known)?.Name ?? $"{kind} {known}";

    /// <summary>The batch takes what is unpaid when it is made, which may be more than the preview counted a moment before.</summary>
    private Task CreateAsync() =>
        ActAsync(async actor =>
        {
            var batch = await Batches.CreateAsync(actor, _form.Scope, _form.Currency);
            await ShowAsync(batch);
            return $"Batch #{batch.Id} created: {batch.EntryCount} entries, {PayoutTexts.Amount(batch.Total, batch.Currency)}. An approver who did not make it decides on it.";
        });

    private async Task ApproveAsync(PayoutBatch batch)
    {
        var comment = await TextDialog.AskAsync(Dialogs, $"Approve batch #{batch.Id}", new()
        {
            { d => d.Explanation, $"{PayoutTexts.Amount(batch.Total, batch.Currency)} for {batch.EntryCount} entries, made by {batch.CreatedBy}. Once approved it can be marked paid." },
            { d => d.Label, "Comment (optional)" },
            { d => d.ConfirmText, "Approve" },
            { d => d.Color, Color.Success },
            { d => d.MaxLength, PayoutBatch.MaxCommentLength },
        });
        if (comment is not null) await ActAsync(actor => Batches.ApproveAsync(actor, batch.Id, comment), $"Batch #{batch.Id} approved.");
    }

    private async Task RejectAsync(PayoutBatch batch)
    {
        var reason = await TextDialog.AskAsync(Dialogs, $"Reject batch #{batch.Id}", new()
        {
            { d => d.Explanation, "Its entries become unpaid again and can go into a new batch. Say why, so the operator knows what to batch instead." },
            { d => d.Label, "Reason" },
            { d => d.ConfirmText, "Reject" },
            { d => d.Color, Color.Error },
            { d => d.Required, true },
            { d => d.MaxLength, PayoutBatch.MaxCommentLength },
        });
        if (reason is not null) await ActAsync(actor => Batches.RejectAsync(actor, batch.Id, reason), $"Batch #{batch.Id} rejected; its entries are unpaid again.");
    }

    private async Task MarkPaidAsync(PayoutBatch batch)
    {
        var reference = await TextDialog.AskAsync(Dialogs, $"Mark batch #{batch.Id} paid", new()
        {
            { d => d.Explanation, $"{PayoutTexts.Amount(batch.Total, batch.Currency)}. After this the batch can no longer change." },
            { d => d.Label, "Payment reference (bank transfer, provider id)" },
            { d => d.ConfirmText, "Mark paid" },
            { d => d.Required, true },
            { d => d.MaxLength, PayoutBatch.MaxReferenceLength },
        });
        if (reference is not null) await ActAsync(actor => Batches.MarkPaidAsync(actor, batch.Id, reference), $"Batch #{batch.Id} marked paid.");
    }

    private Task ActAsync(Func<Actor, Task> action, string done) =>
        ActAsync(async actor =>
        {
            await action(actor);
            return done;
        });

    private async Task ActAsync(Func<Actor, Task<string>> action)
    {
        _busy = true;
        try
        {
            await CoreActions.RunAsync(Snackbar, Refusals, async () => await action(await CurrentActor.GetAsync()));
            await ReloadAsync();
        }
        finally
        {
            _busy = false;
        }
    }
}
