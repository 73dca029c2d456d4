using FedDashboard.Bench;
using FedDashboard.Core.Domain.Refusals;

try
{
    return args switch
    {
        ["fedavg", .. var rest] => await FedAvgBenchmark.RunAsync(BenchArguments.Parse(rest)),
        ["fleet", .. var rest] => await FleetBenchmark.RunAsync(BenchArguments.Parse(rest)),
        ["byzantine", .. var rest] => await ByzantineBenchmark.RunAsync(BenchArguments.Parse(rest)),
        ["ledger", .. var rest] => await LedgerBenchmark.RunAsync(BenchArguments.Parse(rest)),
        ["pages", .. var rest] => await PagesBenchmark.RunAsync(BenchArguments.Parse(rest)),
        ["agents", .. var rest] => await AgentsBenchmark.RunAsync(BenchArguments.Parse(rest)),
        ["requests", .. var rest] => await RequestsBenchmark.RunAsync(BenchArguments.Parse(rest)),
        ["live", .. var rest] => await LiveBenchmark.RunAsync(BenchArguments.Parse(rest)),
        ["cluster", .. var rest] => await ClusterBenchmark.RunAsync(BenchArguments.Parse(rest)),
        ["aggregate", .. var rest] => await AggregateBenchmark.RunAsync(BenchArguments.Parse(rest)),
        _ => Usage(),
    };
}
catch (Exception exception) when (exception is StartupException or ArgumentException)
{
    Console.Error.WriteLine($"bench: {exception.Message}");
    return 2;
}
catch (BenchInterruptedException interrupted)
{
    Console.Error.WriteLine($"bench: {interrupted.Message}");
    return 130;
}

static int Usage()
{
    Console.Error.WriteLine("""
        usage: ./fed bench fedavg [--setting 2nn-iid|2nn-noniid|cnn-iid|cnn-noniid] [--strategy NAME and its settings (README)]
                                  [--tiers] [--model 2nn|cnn] [--partition iid|noniid] [--terminals N] [--fraction C]
                                  [--epochs E] [--batch B] [--lr η] [--kappa κ] [--target ACC] [--max-rounds N] [--seed S]
                                  [--warmup-rounds N]
                                  --warmup-rounds: the same job runs unmeasured first, in jobs of N rounds (default 10; 0: none)
                                                   until one compiles fewer than 5 methods a round
                                  --tiers: the same job with width tiers by capacity vs. a single model, same fleet
               ./fed bench fleet [--ticks N] [--plans N] [--warmup N] [--fraction C] [--min-speed V] [--max-speed V]
                                 [--pause SECONDS] [--seed S] [--sizes 1000,10000,100000] [--origin agent|simulated]
                                 [--starts N] [--start-warmup N]
                                 in memory: coverage tick and round plan; with the database: the product's round start,
                                 after at least --start-warmup starts and until the JIT compiled nothing for 5 starts
               ./fed bench byzantine [--rounds N] [--partition iid|noniid|both] [--rules fedavg,median,trimmed,clipping]
                                     [--attacks signflip,scale,signflip10] [--fractions 0,10,20,30] [--terminals N] [--fraction C]
                                     [--epochs E] [--batch B] [--lr η] [--seed S]
                                     signflip10 is a stronger variant (−10 × the update), not run by default
               ./fed bench ledger [--terminals N] [--rounds N] [--grow-to N] [--repeat N]
                                  rewards N × rounds results, then exports the ledger as CSV and XLSX at a tenth, all and
                                  --grow-to entries (default 1,000,000; 0 skips it), each export --repeat times (default 3),
                                  reporting the medians of time and peak memory
               ./fed bench pages [--section browser] [--fleets 10000,100000] [--warmup SECONDS] [--seconds S] [--screenshots PREFIX] [--credential-cache SECONDS]
                                 the live pages (Overview, Coverage map, Terminals, Rounds) in headless Chromium against the
                                 dashboard with a ticking fleet of each size: first render in ms and circuit KiB/s per open page
               ./fed bench pages --section database [--terminals N] [--history N] [--telemetry N] [--repeat N]
                                 the Terminals page's queries, time and rows per refresh at N terminals (default 100,000)
                                 with N participations (default 10) and telemetry rows (default 10) each: before and after
               ./fed bench agents [--parts heartbeats,uploads,fedavg] [--clients N] [--terminals N] [--seconds S]
                                  [--upload-terminals N] [--uploads N] [--fleet N] [fedavg's job options]
                                  the terminal protocol over HTTP against the dashboard as its own process: heartbeats/s,
                                  2NN uploads/s with the server's memory at N and 10 × N uploads, FedAvg with the fleet
                                  over HTTP vs in process
               ./fed bench requests [--terminals N] [--requests N] [--target ACC] [--fraction C] [--max-rounds N] [--minutes M]
                                    1 request alone vs N (default 3) at once on the same fleet, each on a fresh database:
                                    time to condition of each, terminals each got, allocation time per decision
               ./fed bench live [--events N]
                                two nodes on one Redis: an event from one node's publisher to the other's feed, p50/p95
                                over N events (default 500) sent one at a time
               ./fed bench cluster [--nodes N] [--rounds N] [--terminals N] [--minutes M]
                                   the demo job on 1 node and on N (default 3) on one database and Redis: rounds per
                                   minute and their ratio, live event delay to another node's hub client (p50/p95),
                                   database connections per node (peak)
               ./fed bench aggregate [--results 10,100,1000] [--repeat N]
                                     FedAvg over N results of the CNN from memory and from the blob store: GB/s of results
                                     aggregated beside the memory bandwidth (STREAM triad) measured in the same run, and
                                     the bytes allocated, which must not grow with N
        """);
    return 2;
}
