using FedDashboard.Bench;
using FedDashboard.Core;

try
{
    return args switch
    {
        ["fedavg", .. var rest] => await FedAvgBenchmark.RunAsync(BenchArguments.Parse(rest)),
        ["fleet", .. var rest] => await FleetBenchmark.RunAsync(BenchArguments.Parse(rest)),
        _ => Usage(),
    };
}
catch (Exception exception) when (exception is StartupException or ArgumentException)
{
    Console.Error.WriteLine($"bench: {exception.Message}");
    return 2;
}

static int Usage()
{
    Console.Error.WriteLine("""
        usage: ./fed bench fedavg [--tiers] [--model 2nn|cnn] [--partition iid|noniid] [--terminals N] [--fraction C]
                                  [--epochs E] [--batch B] [--lr η] [--kappa κ] [--target ACC] [--max-rounds N] [--seed S]
                                  --tiers: the same job with width tiers by capacity vs. a single model, same fleet
               ./fed bench fleet [--ticks N] [--plans N] [--warmup N] [--fraction C] [--min-speed V] [--max-speed V]
                                 [--pause SECONDS] [--seed S]
        """);
    return 2;
}
