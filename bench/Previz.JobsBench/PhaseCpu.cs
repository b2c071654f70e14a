using System.Diagnostics;
using System.Globalization;
using Previz.Testing;

namespace Previz.JobsBench;

/// <summary>
/// The server's CPU in two phases that a slow enough vendor keeps apart (vendor_seconds well above create_s): creating
/// and submitting every job, and everything from just before the first clip is ready to the end (per job: the poll that
/// finds it ready, the download, finishing, poster, storing). Where creating is CPU-bound, the overhead stays small
/// only if storing a result costs no more CPU than creating a job: the results of the jobs created in the last
/// vendor_seconds arrive as fast as those jobs were created, and must be stored as fast. With a 2 s vendor the phases
/// overlap and nothing is printed.
/// </summary>
internal sealed class PhaseCpu
{
    private readonly Task<(double Create, double BeforeReady)?> _watch;

    private PhaseCpu(int serverPid, LoopbackVendor vendor, int submitsBefore, int jobs)
    {
        _watch = WatchAsync(serverPid, vendor, submitsBefore, jobs);
    }

    /// <summary>Starts watching; call just before the first create.</summary>
    public static PhaseCpu Start(int serverPid, LoopbackVendor vendor, int submitsBefore, int jobs) => new(serverPid, vendor, submitsBefore, jobs);

    /// <summary>"create_phase_cpu_ms_per_job=… after_ready_cpu_ms_per_job=…", or an empty string when the phases overlapped.</summary>
    public async Task<string> DescribeAsync(double serverCpuAtEnd, int jobs)
    {
        if (await _watch is not { } phases)
        {
            return string.Empty;
        }

        var afterReady = serverCpuAtEnd - phases.BeforeReady;
        return string.Create(CultureInfo.InvariantCulture,
            $" create_phase_cpu_ms_per_job={phases.Create * 1000 / jobs:0.0} after_ready_cpu_ms_per_job={afterReady * 1000 / jobs:0.0} after_ready_to_create_cpu={afterReady / phases.Create:0.00}");
    }

    private static async Task<(double Create, double BeforeReady)?> WatchAsync(int serverPid, LoopbackVendor vendor, int submitsBefore, int jobs)
    {
        var start = ProcStat.CpuSeconds(serverPid);
        while (vendor.Submits == submitsBefore)
        {
            await Task.Delay(5);
        }

        // The first clip is ready WorkTime after the first submit: stop the second phase's clock a little before.
        var sinceFirstSubmit = Stopwatch.StartNew();
        var beforeReady = vendor.WorkTime - TimeSpan.FromMilliseconds(200);
        double? created = null;
        while (sinceFirstSubmit.Elapsed < beforeReady)
        {
            if (created is null && vendor.Submits - submitsBefore >= jobs)
            {
                created = ProcStat.CpuSeconds(serverPid) - start;
            }

            await Task.Delay(5);
        }

        return created is { } create ? (create, ProcStat.CpuSeconds(serverPid)) : null;
    }
}
