using FedDashboard.Components.Controls;
using FedDashboard.Core.Domain.Clients;
using FedDashboard.Core.Orchestration.Clients;
using FedDashboard.Core.Orchestration.Requests;
using FedDashboard.Model;
using FedDashboard.Security;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FedDashboard.Components.Pages;

public partial class NewRequest : ComponentBase
{
    private IReadOnlyList<ClientApplication>? _clients;
    private ClientApplication? _client;
    private NewRequestForm _form = null!;
    private bool _busy;
    private readonly FieldMessages _fields = new();

    [Inject] public required ClientRegistry Registry { get; set; }
    [Inject] public required TrainingRequests Requests { get; set; }
    [Inject] public required CurrentActor CurrentActor { get; set; }
    [Inject] public required ISnackbar Snackbar { get; set; }
    [Inject] public required PageRefusals Refusals { get; set; }
    [Inject] public required NavigationManager Navigation { get; set; }
    [Inject] public required TimeProvider Clock { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _form = new NewRequestForm(Clock.GetUtcNow());
        _clients = [.. (await Registry.ListAsync()).Select(l => l.Client).Where(c => !c.IsSuspended).OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase)];
    }

    private void ChooseClient(int? clientId)
    {
        _form.ClientId = clientId;
        _client = _clients?.FirstOrDefault(c => c.Id == clientId);
        if (_form.Model is { } model && _client?.Allows(model) != true) _form.Model = null;
        _form.Model ??= _client?.AllowedModels.FirstOrDefault();
    }

    private async Task SubmitAsync()
    {
        _fields.Clear();
        if (_client is null)
        {
            _fields.Set(NewRequestForm.ClientField, "Choose the client the request is for.");
            return;
        }
        _busy = true;
        try
        {
            TrainingRequestView? view = null;
            var client = _client;
            var submitted = await CoreActions.RunAsync(Snackbar, Refusals, async () =>
            {
                view = await Requests.SubmitForClientAsync(await CurrentActor.GetAsync(), client.Id, _form.IdempotencyKey, _form.ToSubmission());
                return $"Request #{view.Request.Id} submitted for {client.Name}; its job #{view.Request.JobId} has started.";
            }, _fields);
            if (submitted) Navigation.NavigateTo($"requests/{view!.Request.Id}");
        }
        finally
        {
            _busy = false;
        }
    }
}
