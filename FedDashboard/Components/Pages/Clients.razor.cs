using FedDashboard.Components.Controls;
using FedDashboard.Components.Dialogs;
using FedDashboard.Core.Domain.Clients;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Orchestration.Callbacks;
using FedDashboard.Core.Orchestration.Clients;
using FedDashboard.Security;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FedDashboard.Components.Pages;

public partial class Clients : ComponentBase
{
    private IReadOnlyList<ClientListing>? _clients;
    private ClientForm _form = new();
    private IssuedClientKey? _issued;
    private ShownSigningSecret? _signingSecret;
    private DateTimeOffset _now;
    private bool _busy;
    private readonly FieldMessages _fields = new();

    [Inject] public required ClientRegistry Registry { get; set; }
    [Inject] public required ClientKeys Keys { get; set; }
    [Inject] public required SigningSecrets SigningSecrets { get; set; }
    [Inject] public required CurrentActor CurrentActor { get; set; }
    [Inject] public required ISnackbar Snackbar { get; set; }
    [Inject] public required PageRefusals Refusals { get; set; }
    [Inject] public required IDialogService Dialogs { get; set; }
    [Inject] public required TimeProvider Clock { get; set; }

    /// <summary>The register form's inputs, checked by Core when submitted.</summary>
    private sealed class ClientForm
    {
        public string Name { get; set; } = "";
        public string ContactEmail { get; set; } = "";
        public decimal SpendingLimit { get; set; }
        public string Currency { get; set; } = "EUR";
        public HashSet<ModelArchitecture> Models { get; } = [ModelArchitecture.Mlp2NN];

        public ClientDetails Details => new(Name, ContactEmail, [.. Models], SpendingLimit, Currency);
    }

    protected override async Task OnInitializedAsync() => await ReloadAsync();

    private async Task ReloadAsync()
    {
        _now = Clock.GetUtcNow();
        _clients = await Registry.ListAsync();
    }

    private void Toggle(ModelArchitecture model, bool on)
    {
        if (on) _form.Models.Add(model);
        else _form.Models.Remove(model);
    }

    private async Task RegisterAsync()
    {
        if (await ActAsync(async actor => $"Client {(await Registry.RegisterAsync(actor, _form.Details)).Name} registered.")) _form = new();
    }

    private async Task IssueAsync(ClientApplication client)
    {
        if (await IssueKeyDialog.AskAsync(Dialogs, client.Name) is not { } request) return;
        await ActAsync(async actor =>
        {
            _issued = await Keys.IssueAsync(actor, client.Id, request.Scopes, request.ValidForDays);
            return $"API key {_issued.Key.KeyId} issued to {client.Name}. Copy it now: it will not be shown again.";
        });
    }

    private Task ShowSigningSecretAsync(ClientApplication client) => ActAsync(async actor =>
    {
        _signingSecret = await SigningSecrets.ShowAsync(actor, client.Id);
        return $"Callback signing secret {_signingSecret.KeyId} of {client.Name} shown. Copy it now: it will not be shown again.";
    });

    private async Task RotateSigningSecretAsync(ClientApplication client)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync($"Rotate {client.Name}'s callback signing secret?",
            "Callbacks are signed with a new secret from now on, shown once; the client must check them with it instead of the old one.",
            yesText: "Rotate", cancelText: "Cancel");
        if (confirmed != true) return;
        await ActAsync(async actor =>
        {
            _signingSecret = await SigningSecrets.RotateAsync(actor, client.Id);
            return $"Callback signing secret of {client.Name} replaced by {_signingSecret.KeyId}. Copy the new one now: it will not be shown again.";
        });
    }

    private async Task RotateAsync(ClientApiKey key)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync($"Rotate {key.KeyId}?",
            "The key stops working at once, and a successor with the same scopes is issued; its secret is shown once. Hand it to the client before its next call.",
            yesText: "Rotate", cancelText: "Cancel");
        if (confirmed != true) return;
        await ActAsync(async actor =>
        {
            _issued = await Keys.RotateAsync(actor, key.Id);
            return $"API key {key.KeyId} replaced by {_issued.Key.KeyId}. Copy the new one now: it will not be shown again.";
        });
    }

    private async Task RevokeAsync(ClientApiKey key)
    {
        var reason = await TextDialog.AskAsync(Dialogs, $"Revoke {key.KeyId}", new()
        {
            { d => d.Explanation, "Calls with the key are refused from now on. The reason is kept with the key and in the audit log." },
            { d => d.Label, "Reason" },
            { d => d.ConfirmText, "Revoke" },
            { d => d.Required, true },
            { d => d.MaxLength, ClientApiKey.RevokeReasonMaxLength },
            { d => d.Color, Color.Error },
        });
        if (reason is null) return;
        await ActAsync(async actor =>
        {
            await Keys.RevokeAsync(actor, key.Id, reason);
            return $"API key {key.KeyId} revoked.";
        });
    }

    private Task SuspendAsync(ClientApplication client) => ActAsync(async actor =>
    {
        await Registry.SuspendAsync(actor, client.Id);
        return $"Client {client.Name} suspended: its keys are refused until it is resumed.";
    });

    private Task ResumeAsync(ClientApplication client) => ActAsync(async actor =>
    {
        await Registry.ResumeAsync(actor, client.Id);
        return $"Client {client.Name} resumed.";
    });

    /// <returns>Whether the action went through.</returns>
    private async Task<bool> ActAsync(Func<Actor, Task<string>> action)
    {
        _busy = true;
        try
        {
            return await CoreActions.RunAsync(Snackbar, Refusals, async () => await action(await CurrentActor.GetAsync()), _fields);
        }
        finally
        {
            await ReloadAsync();
            _busy = false;
        }
    }

    private string ClientName(int clientId) => _clients?.FirstOrDefault(c => c.Client.Id == clientId)?.Client.Name ?? $"client {clientId}";

    private static string Instant(DateTimeOffset at) => at.ToLocalTime().ToString("yyyy-MM-dd HH:mm");
}
