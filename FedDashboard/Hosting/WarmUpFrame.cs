using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using MudBlazor;

namespace FedDashboard.Hosting;

/// <summary>A page as the layout holds it for the warm-up: with the popover provider its selects and menus expect.</summary>
internal sealed class WarmUpFrame : ComponentBase
{
    [Parameter, EditorRequired] public required Type Page { get; set; }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenComponent<MudPopoverProvider>(0);
        builder.CloseComponent();
        builder.OpenComponent(1, Page);
        builder.CloseComponent();
    }
}
