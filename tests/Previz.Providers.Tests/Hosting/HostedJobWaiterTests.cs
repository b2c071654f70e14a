using System.Text.Json.Nodes;
using Previz.Core;
using Previz.Providers.Hosting;
using Previz.Providers.Tests.Loopback;
using Previz.Testing;

namespace Previz.Providers.Tests.Hosting;

public sealed class HostedJobWaiterTests
{
    [Fact]
    public async Task A_vendor_that_never_finishes_ends_in_a_timed_out_failure_and_a_cancel()
    {
        await using var harness = await ProviderHarness.StartAsync();
        harness.Vendor.Statuses.Add(() => FalReplies.InProgress("still going"));
        // The job itself never finishes either, so the cancel finds it running (the stand-in's default 2 s would race
        // the 2 s wait below and answer ALREADY_COMPLETED).
        harness.Vendor.WorkTime = TimeSpan.FromHours(1);
        var job = await harness.Fal.SubmitAsync(new HostedRequest(HostedProvider.Fal, ProviderHarness.FalEndpoint, new JsonObject { ["prompt"] = "x" }), CancellationToken.None);
        var seen = new List<HostedJobStatus>();

        var status = await harness.Waiter.WaitAsync(
            harness.Fal,
            job,
            // 2 s of 50 ms polls: at least 3 even when a busy machine makes each status request take a few hundred ms.
            new JobWaitOptions { PollInterval = TimeSpan.FromMilliseconds(50), MaxWait = TimeSpan.FromSeconds(2) },
            new InlineProgress<HostedJobStatus>(seen.Add),
            CancellationToken.None);

        var failed = Assert.IsType<FailedStatus>(status);
        Assert.Equal(VendorErrorCategory.TimedOut, failed.Failure.Category);
        Assert.Contains($"request {ProviderHarness.FalRequestId} did not finish within", failed.Failure.Message, StringComparison.Ordinal);
        Assert.Contains("asked the vendor to cancel it", failed.Failure.Message, StringComparison.Ordinal);
        Assert.InRange(seen.Count, 3, 41);
        Assert.All(seen, s => Assert.IsType<RunningStatus>(s));
        Assert.Single(harness.Vendor.RequestsTo("PUT", ProviderHarness.FalAppPath + "/cancel"));
    }

    [Fact]
    public async Task Waiting_returns_the_success_once_the_queue_finishes()
    {
        await using var harness = await ProviderHarness.StartAsync();
        harness.Vendor.Statuses.AddRange([() => FalReplies.Queued(1), () => FalReplies.InProgress(), FalReplies.Completed]);
        var job = await harness.Fal.SubmitAsync(new HostedRequest(HostedProvider.Fal, ProviderHarness.FalEndpoint, new JsonObject { ["prompt"] = "x" }), CancellationToken.None);

        var status = await harness.Waiter.WaitAsync(harness.Fal, job, new JobWaitOptions { PollInterval = TimeSpan.FromMilliseconds(20) }, null, CancellationToken.None);

        Assert.IsType<SucceededStatus>(status);
        Assert.Empty(harness.Vendor.RequestsTo("PUT", ProviderHarness.FalAppPath + "/cancel"));
    }
}
