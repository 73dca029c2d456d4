using FedDashboard.FrontDoor;

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.Configuration.AddCommandLine(args, new Dictionary<string, string> { ["--nodes"] = FrontDoorSettings.NodesKey });
    var settings = FrontDoorSettings.From(builder.Configuration);
    builder.Services.AddReverseProxy().LoadFromMemory([NodeCluster.Route], [NodeCluster.For(settings)]);

    var app = builder.Build();
    app.MapReverseProxy();
    app.Logger.LogInformation("Front door to {Nodes}", string.Join(", ", settings.Nodes));
    await app.RunAsync();
    return 0;
}
catch (FrontDoorSettingsException exception)
{
    Console.Error.WriteLine($"FedDashboard front door cannot start: {exception.Message}");
    return 1;
}
