using FedDashboard.Api;
using FedDashboard.Components.Controls;
using FedDashboard.Core.Domain.Callbacks;
using FedDashboard.Core.Domain.Refusals;
using FedDashboard.Core.Orchestration.Delivery;
using FedDashboard.Model;
using FedDashboard.Security;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FedDashboard.Components.Requests;

public partial class RequestDeliveryPanel : ComponentBase
{
    private bool _loaded;
    private RequestModel? _model;
    private string? _noModel;
    private IReadOnlyList<CallbackDeliveryView> _deliveries = [];
    private bool _mayOperate;
    private bool _busy;

    [Parameter, EditorRequired] public int RequestId { get; set; }

    [Inject] public required RequestModels Models { get; set; }
    [Inject] public required RequestCallbacks Callbacks { get; set; }
    [Inject] public required CurrentActor CurrentActor { get; set; }
    [Inject] public required ISnackbar Snackbar { get; set; }
    [Inject] public required PageRefusals Refusals { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        _mayOperate = (await CurrentActor.GetAsync()).CanOperate;
        await ReloadAsync();
        _loaded = true;
    }

    /// <summary>Reads the model and the callbacks again; the request's page calls it when the request or its job moves on.</summary>
    public async Task RefreshAsync()
    {
        await ReloadAsync();
        StateHasChanged();
    }

    private async Task ReloadAsync()
    {
        try
        {
            _model = await Models.FindAsync(clientId: null, RequestId);
            _noModel = null;
        }
        catch (Exception e) when (e is ConflictException or NotFoundException)
        {
            _model = null;
            _noModel = e.Message;
        }
        _deliveries = await Callbacks.ListAsync(RequestId);
    }

    private async Task ResendAsync(CallbackDeliveryView delivery)
    {
        _busy = true;
        try
        {
            await CoreActions.RunAsync(Snackbar, Refusals, async () =>
            {
                await Callbacks.ResendAsync(await CurrentActor.GetAsync(), delivery.Id);
                return $"The {delivery.Event} callback is sent again, as a new delivery.";
            });
            await ReloadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private string Download(string file) => $"{RequestModelEndpoints.OperatorPath}/{RequestId}/{file}";

    private static string Answer(CallbackAttempt attempt) => attempt.StatusCode is { } status
        ? attempt.Failure is null ? $"{status}" : $"{status}: {attempt.Detail}"
        : $"{attempt.Failure}: {attempt.Detail}";

    private static string Percent(double? accuracy) => accuracy is { } a ? a.ToString("P2", System.Globalization.CultureInfo.InvariantCulture) : "unknown";

    private static string Instant(DateTimeOffset at) => at.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss");
}
