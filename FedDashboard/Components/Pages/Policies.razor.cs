using FedDashboard.Core.Domain.Security;
using FedDashboard.Model;
using FedDashboard.Security;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FedDashboard.Components.Pages;

public partial class Policies : ComponentBase
{
    private IReadOnlyList<EdgePolicyForm>? _edges;
    private IReadOnlyList<JobPolicyForm>? _jobs;
    private RewardPolicyForm? _rewards;
    private readonly HashSet<string> _conflicts = [];
    private int _activeEdge;
    private int _activeJob;
    private bool _saving;
    private bool _canEdit;
    private Core.Domain.Security.Actor _actor = Core.Domain.Security.Actor.Anonymous;

    [Inject] public required EdgePolicyEditor EdgeEditor { get; set; }
    [Inject] public required JobPolicyEditor JobEditor { get; set; }
    [Inject] public required RewardPolicyEditor RewardEditor { get; set; }
    [Inject] public required CurrentActor Actor { get; set; }
    [Inject] public required ISnackbar Snackbar { get; set; }

    private static string EdgeKey(EdgePolicyForm form) => $"edge {form.EdgeId}";

    private static string JobKey(JobPolicyForm form) => $"job {form.JobId}";

    private const string RewardsKey = "rewards";

    /// <summary>
    /// The forms appear once the page is interactive: prerendered forms would take clicks and typing that go nowhere
    /// until the circuit connects.
    /// </summary>
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender) return;
        _actor = await Actor.GetAsync();
        _canEdit = _actor.CanOperate;
        _edges = await EdgeEditor.LoadAsync();
        _jobs = await JobEditor.LoadAsync();
        _rewards = await RewardEditor.LoadAsync();
        StateHasChanged();
    }

    private async Task SaveEdgeAsync(EdgePolicyForm form) =>
        await SaveAsync(EdgeKey(form), async () => await EdgeEditor.SaveAsync(form, await Actor.GetAsync()));

    private async Task SaveJobAsync(JobPolicyForm form) =>
        await SaveAsync(JobKey(form), async () => await JobEditor.SaveAsync(form, await Actor.GetAsync()));

    private async Task SaveRewardsAsync() =>
        await SaveAsync(RewardsKey, async () => await RewardEditor.SaveAsync(_rewards!, await Actor.GetAsync()));

    private async Task SaveAsync(string key, Func<Task<PolicySaveResult>> save)
    {
        _saving = true;
        try
        {
            var result = await save();
            if (result.Outcome == PolicySaveOutcome.Conflict) _conflicts.Add(key);
            else _conflicts.Remove(key);
            Snackbar.Add(result.Message, result.Outcome switch
            {
                PolicySaveOutcome.Saved => Severity.Success,
                PolicySaveOutcome.Proposed => Severity.Info,
                _ => Severity.Error,
            });
        }
        finally
        {
            _saving = false;
        }
    }

    private async Task DecideAsync(JobPolicyForm form, bool accept, string? comment)
    {
        _saving = true;
        try
        {
            var actor = await Actor.GetAsync();
            var result = accept ? await JobEditor.AcceptAsync(form, actor, comment) : await JobEditor.RejectAsync(form, actor, comment);
            _conflicts.Remove(JobKey(form));
            Snackbar.Add(result.Message, result.Outcome == PolicySaveOutcome.Saved ? Severity.Success : Severity.Error);
        }
        finally
        {
            _saving = false;
        }
    }

    private async Task ReloadEdgeAsync(EdgePolicyForm form)
    {
        await EdgeEditor.ReloadAsync(form);
        _conflicts.Remove(EdgeKey(form));
    }

    private async Task ReloadJobAsync(JobPolicyForm form)
    {
        await JobEditor.ReloadAsync(form);
        _conflicts.Remove(JobKey(form));
    }

    private async Task ReloadRewardsAsync()
    {
        await RewardEditor.ReloadAsync(_rewards!);
        _conflicts.Remove(RewardsKey);
    }
}
