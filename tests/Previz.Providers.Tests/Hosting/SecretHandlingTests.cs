using System.Text.Json.Nodes;
using Previz.Providers.Errors;
using Previz.Providers.Hosting;
using Previz.Providers.Tests.Loopback;
using Previz.Testing;

namespace Previz.Providers.Tests.Hosting;

public sealed class SecretHandlingTests
{
    [Fact]
    public async Task Planted_keys_appear_in_no_log_line_message_or_request_description()
    {
        await using var harness = await ProviderHarness.StartAsync();
        var texts = new List<string>();
        harness.Vendor.Statuses.AddRange([() => FalReplies.Queued(1), () => FalReplies.InProgress("using key " + ProviderHarness.FalKey), FalReplies.Completed]);
        var request = new HostedRequest(HostedProvider.Fal, ProviderHarness.FalEndpoint, new JsonObject { ["prompt"] = "x" })
        {
            Files = [new HostedInputFile("a.png", "image/png", Media.Png(), "/image_url", InputFileTransport.DataUri)],
            IdempotencyKey = "job-7",
        };
        texts.Add(request.ToString());
        texts.Add(request.Files[0].ToString());

        var job = await harness.Fal.SubmitAsync(request, CancellationToken.None);
        texts.Add(job.ToString());
        for (var i = 0; i < 3; i++)
        {
            texts.Add((await harness.Fal.GetStatusAsync(job, CancellationToken.None)).ToString());
        }

        // Vendors that echo the key back in errors, on every vendor and every path.
        harness.Vendor.Answer("POST", ProviderHarness.FalSubmitPath, _ => Reply.Json(401, new JsonObject { ["detail"] = $"Key {ProviderHarness.FalKey} is not valid" }));
        texts.Add((await Assert.ThrowsAsync<HostedProviderException>(() => harness.Fal.SubmitAsync(request, CancellationToken.None))).ToString());
        harness.Vendor.Answer("POST", ProviderHarness.FalSubmitPath, _ => Reply.Text(502, "bad gateway for " + ProviderHarness.FalKey));
        texts.Add((await Assert.ThrowsAsync<SubmitOutcomeUnknownException>(() => harness.Fal.SubmitAsync(request, CancellationToken.None))).ToString());
        harness.Vendor.Statuses.Clear();
        harness.Vendor.Statuses.Add(() => Reply.Text(200, "not json " + ProviderHarness.FalKey, "application/json"));
        texts.Add((await Assert.ThrowsAsync<HostedProviderException>(() => harness.Fal.GetStatusAsync(job, CancellationToken.None))).ToString());
        harness.Vendor.Statuses.Clear();
        harness.Vendor.Statuses.Add(() => Reply.Json(403, new JsonObject { ["detail"] = "forbidden " + ProviderHarness.RunwayKey + " " + ProviderHarness.LumaKey }));
        texts.Add((await Assert.ThrowsAsync<HostedProviderException>(() => harness.Fal.GetStatusAsync(job, CancellationToken.None))).ToString());
        harness.Vendor.Handle(_ => Reply.Json(400, new JsonObject { ["error"] = "promptText invalid for " + ProviderHarness.RunwayKey }));
        texts.Add((await Assert.ThrowsAsync<HostedProviderException>(() => harness.Runway.SubmitAsync(new HostedRequest(HostedProvider.Runway, "image_to_video", new JsonObject()), CancellationToken.None))).ToString());
        harness.Vendor.Handle(_ => Reply.Json(new JsonObject { ["id"] = "g", ["state"] = "failed", ["failure_code"] = "generation_failed", ["failure_reason"] = "bad " + ProviderHarness.LumaKey }));
        texts.Add((await harness.Luma.GetStatusAsync(new SubmittedJob(HostedProvider.Luma, "generations", "g", DateTimeOffset.UtcNow), CancellationToken.None)).ToString());

        texts.AddRange(harness.Logs.Lines);
        Assert.NotEmpty(harness.Logs.Lines);
        Assert.Contains(texts, t => t.Contains("[redacted]", StringComparison.Ordinal));
        foreach (var key in new[] { ProviderHarness.FalKey, ProviderHarness.RunwayKey, ProviderHarness.LumaKey })
        {
            Assert.DoesNotContain(texts, t => t.Contains(key, StringComparison.Ordinal));
        }

        // The key did go where it belongs: the Authorization header.
        Assert.Contains(harness.Vendor.Requests, r => r.Header("Authorization") == "Key " + ProviderHarness.FalKey);
    }
}
