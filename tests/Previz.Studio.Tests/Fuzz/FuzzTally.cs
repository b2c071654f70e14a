using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Xunit.Abstractions;

namespace Previz.Studio.Tests.Fuzz;

/// <summary>What one fuzz target saw: cases, clean errors, results, crashes (each with its seed and case number) and the slowest case.</summary>
internal sealed class FuzzTally(string target, int seed)
{
    private readonly Stopwatch _elapsed = Stopwatch.StartNew();

    public string Target { get; } = target;

    public int Seed { get; } = seed;

    public int Cases { get; private set; }

    public int CleanErrors { get; private set; }

    public int Results { get; private set; }

    public ConcurrentQueue<string> Crashes { get; } = new();

    public TimeSpan Slowest { get; private set; }

    public string SlowestCase { get; private set; } = "none";

    public void Add(int number, string kind, FuzzOutcome outcome, TimeSpan took, string? crash)
    {
        Cases++;
        switch (outcome)
        {
            case FuzzOutcome.CleanError:
                CleanErrors++;
                break;
            case FuzzOutcome.Result:
                Results++;
                break;
            default:
                Crashes.Enqueue($"fuzz CRASH {Target} seed={Seed} case={number} ({kind}): {crash}\n  replay: PREVIZ_FUZZ_SEED={Seed} PREVIZ_FUZZ_CASE={number} dotnet test tests/Previz.Studio.Tests --filter \"FullyQualifiedName~FuzzTests\"");
                break;
        }

        if (took > Slowest)
        {
            Slowest = took;
            SlowestCase = $"case {number}, {kind}";
        }
    }

    public string Summary() => string.Create(
        CultureInfo.InvariantCulture,
        $"fuzz {Target}: seed={Seed} cases={Cases} clean_errors={CleanErrors} results={Results} crashes={Crashes.Count} slowest={Slowest.TotalMilliseconds:0} ms ({SlowestCase}) cases_per_s={Cases / Math.Max(0.001, _elapsed.Elapsed.TotalSeconds):0.0} elapsed={_elapsed.Elapsed.TotalSeconds:0.0} s");

    /// <summary>Prints the totals and appends them to <c>PREVIZ_FUZZ_REPORT</c> (what bench/fuzz.sh adds up).</summary>
    public void Report(ITestOutputHelper output)
    {
        var lines = new[] { Summary() }.Concat(Crashes).ToList();
        foreach (var line in lines)
        {
            output.WriteLine(line);
        }

        if (Environment.GetEnvironmentVariable("PREVIZ_FUZZ_REPORT") is { Length: > 0 } report)
        {
            File.AppendAllLines(report, lines);
        }
    }
}
