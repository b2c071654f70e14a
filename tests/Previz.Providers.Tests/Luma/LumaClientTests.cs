using System.Text.Json.Nodes;
using Previz.Providers.Hosting;
using Previz.Providers.Tests.Loopback;
using Previz.Testing;

namespace Previz.Providers.Tests.Luma;

public sealed class LumaClientTests
{
    private const string GenerationId = "0b6a9d1e-51a4-4c8b-9a31-7f6e2b8c9d10";

    [Fact]
    public async Task A_generation_with_start_and_end_frames_is_submitted_and_polled_to_its_video()
    {
        await using var harness = await ProviderHarness.StartAsync();
        var polls = 0;
        harness.Vendor.Handle(r => (r.Method, r.Path) switch
        {
            ("POST", "/luma/v1/generations") => Reply.Json(201, new JsonObject { ["id"] = GenerationId, ["state"] = "queued", ["model"] = "ray-3.2", ["type"] = "video", ["created_at"] = "2026-11-27T10:00:00Z" }),
            ("GET", "/luma/v1/generations/" + GenerationId) => ++polls switch
            {
                1 => Reply.Json(new JsonObject { ["id"] = GenerationId, ["state"] = "queued" }),
                2 => Reply.Json(new JsonObject { ["id"] = GenerationId, ["state"] = "processing" }),
                _ => Reply.Json(new JsonObject
                {
                    ["id"] = GenerationId,
                    ["state"] = "completed",
                    ["output"] = new JsonArray(new JsonObject { ["type"] = "video", ["url"] = harness.Vendor.Url("/luma-cdn/out.mp4").AbsoluteUri }),
                }),
            },
            _ => Reply.Empty(404),
        });
        // Luma Agents API video request (lumalabs/luma-agents-python types/video_options_param.py).
        var request = new HostedRequest(HostedProvider.Luma, "generations", new JsonObject
        {
            ["type"] = "video",
            ["model"] = "ray-3.2",
            ["prompt"] = "The camera pushes in",
            ["video"] = new JsonObject { ["duration"] = "5s", ["resolution"] = "720p" },
        })
        {
            Files =
            [
                new HostedInputFile("first.png", "image/png", Media.Png(), "/video/start_frame/data", InputFileTransport.Base64),
                new HostedInputFile("last.png", "image/png", Media.Png(), "/video/end_frame/data", InputFileTransport.Base64),
            ],
        };

        var job = await harness.Luma.SubmitAsync(request, CancellationToken.None);
        Assert.IsType<QueuedStatus>(await harness.Luma.GetStatusAsync(job, CancellationToken.None));
        Assert.IsType<RunningStatus>(await harness.Luma.GetStatusAsync(job, CancellationToken.None));
        var done = Assert.IsType<SucceededStatus>(await harness.Luma.GetStatusAsync(job, CancellationToken.None));

        Assert.Equal(GenerationId, job.RequestId);
        Assert.Equal(harness.Vendor.Url("/luma-cdn/out.mp4"), Assert.Single(done.Outputs).Url);
        var submit = Assert.Single(harness.Vendor.RequestsTo("POST", "/luma/v1/generations"));
        Assert.Equal("Bearer " + ProviderHarness.LumaKey, submit.Header("Authorization"));
        var video = submit.Json["video"]!.AsObject();
        Assert.Equal("5s", (string?)video["duration"]);
        Assert.Equal(Convert.ToBase64String(Media.Png()), (string?)video["start_frame"]!["data"]);
        Assert.Equal(Convert.ToBase64String(Media.Png()), (string?)video["end_frame"]!["data"]);
    }

    [Fact]
    public async Task The_dream_machine_shape_with_keyframes_dreaming_and_assets_is_read_too()
    {
        await using var harness = await ProviderHarness.StartAsync();
        var polls = 0;
        harness.Vendor.Handle(r => r.Method == "POST"
            ? Reply.Json(new JsonObject { ["id"] = GenerationId, ["state"] = "queued" })
            : ++polls == 1
                ? Reply.Json(new JsonObject { ["id"] = GenerationId, ["state"] = "dreaming" })
                : Reply.Json(new JsonObject { ["id"] = GenerationId, ["state"] = "completed", ["assets"] = new JsonObject { ["video"] = "https://storage.cdn-luma.com/dream/out.mp4" } }));
        // Dream Machine keyframes frame0/frame1 (lumalabs/lumaai-python types/generation_create_params.py).
        var request = new HostedRequest(HostedProvider.Luma, "generations", new JsonObject
        {
            ["model"] = "ray-2",
            ["prompt"] = "orbit",
            ["keyframes"] = new JsonObject
            {
                ["frame0"] = new JsonObject { ["type"] = "image", ["url"] = "https://example.com/a.png" },
                ["frame1"] = new JsonObject { ["type"] = "image", ["url"] = "https://example.com/b.png" },
            },
        });

        var job = await harness.Luma.SubmitAsync(request, CancellationToken.None);
        Assert.IsType<RunningStatus>(await harness.Luma.GetStatusAsync(job, CancellationToken.None));
        var done = Assert.IsType<SucceededStatus>(await harness.Luma.GetStatusAsync(job, CancellationToken.None));

        Assert.Equal("https://storage.cdn-luma.com/dream/out.mp4", done.Outputs[0].Url.AbsoluteUri);
        var keyframes = Assert.Single(harness.Vendor.RequestsTo("POST", "/luma/v1/generations")).Json["keyframes"]!;
        Assert.Equal("https://example.com/a.png", (string?)keyframes["frame0"]!["url"]);
        Assert.Equal("https://example.com/b.png", (string?)keyframes["frame1"]!["url"]);
    }

    [Theory]
    [InlineData("content_moderated", VendorErrorCategory.ContentPolicy)]
    [InlineData("budget_exhausted", VendorErrorCategory.OutOfCredit)]
    [InlineData("generation_failed", VendorErrorCategory.GenerationFailed)]
    public async Task A_failed_generation_carries_lumas_code_and_reason(string code, VendorErrorCategory category)
    {
        await using var harness = await ProviderHarness.StartAsync();
        harness.Vendor.Handle(_ => Reply.Json(new JsonObject { ["id"] = GenerationId, ["state"] = "failed", ["failure_code"] = code, ["failure_reason"] = "Luma said no" }));

        var failed = Assert.IsType<FailedStatus>(await harness.Luma.GetStatusAsync(new SubmittedJob(HostedProvider.Luma, "generations", GenerationId, DateTimeOffset.UtcNow), CancellationToken.None));

        Assert.Equal(category, failed.Failure.Category);
        Assert.Equal(code, failed.Failure.VendorCode);
        Assert.Contains("Luma said no", failed.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_where_the_api_has_none_is_reported_as_not_supported()
    {
        await using var harness = await ProviderHarness.StartAsync();
        harness.Vendor.Handle(_ => Reply.Empty(405));

        var outcome = await harness.Luma.CancelAsync(new SubmittedJob(HostedProvider.Luma, "generations", GenerationId, DateTimeOffset.UtcNow), CancellationToken.None);

        Assert.Equal(CancelOutcome.NotSupported, outcome);
        Assert.Single(harness.Vendor.RequestsTo("DELETE", "/luma/v1/generations/" + GenerationId));
    }
}
