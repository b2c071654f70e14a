using System.Text.Json.Nodes;
using Previz.Providers.Errors;
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
                new HostedInputFile("first.png", "image/png", Media.Png(), "/video/start_frame", InputFileTransport.InlineMedia),
                new HostedInputFile("last.png", "image/png", Media.Png(), "/video/end_frame", InputFileTransport.InlineMedia),
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
        // ImageRef {data, media_type} (types/image_ref_param.py: media_type "Required with data").
        Assert.Equal((Convert.ToBase64String(Media.Png()), "image/png"), ((string?)video["start_frame"]!["data"], (string?)video["start_frame"]!["media_type"]));
        Assert.Equal((Convert.ToBase64String(Media.Png()), "image/png"), ((string?)video["end_frame"]!["data"], (string?)video["end_frame"]!["media_type"]));
    }

    [Fact]
    public async Task The_loopback_stand_in_answers_in_the_agents_api_shape_and_the_client_reads_it_to_the_video()
    {
        await using var harness = await ProviderHarness.StartAsync();
        harness.Vendor.WorkTime = TimeSpan.FromMilliseconds(300);
        var request = new HostedRequest(HostedProvider.Luma, "generations", new JsonObject
        {
            ["model"] = "ray-3.2",
            ["type"] = "video_edit",
            ["prompt"] = "moonlit 35mm film",
            ["video"] = new JsonObject { ["resolution"] = "720p" },
        })
        {
            Files = [new HostedInputFile("guide-shaded.mp4", "video/mp4", Media.Mp4(), "/source", InputFileTransport.InlineMedia)],
        };

        var job = await harness.Luma.SubmitAsync(request, CancellationToken.None);
        // queued, then processing (an unknown word such as Dream Machine's "dreaming" would throw), then completed with output[].
        HostedJobStatus status;
        do
        {
            status = await harness.Luma.GetStatusAsync(job, CancellationToken.None);
            await Task.Delay(50);
        }
        while (status is QueuedStatus or RunningStatus);

        var done = Assert.IsType<SucceededStatus>(status);
        Assert.Equal(harness.Vendor.ResultUrl(job.RequestId), Assert.Single(done.Outputs).Url);
        var source = Assert.Single(harness.Vendor.Submitted).Body["source"]!.AsObject();
        Assert.Equal((Convert.ToBase64String(Media.Mp4()), "video/mp4"), ((string?)source["data"], (string?)source["media_type"]));
    }

    [Fact]
    public async Task A_refused_submit_reads_lumas_detail_and_a_429_is_rate_limited()
    {
        await using var harness = await ProviderHarness.StartAsync();

        // prompt is required (generation_create_params.py): the stand-in answers 400 {detail} as the error-handling guide shows.
        var refused = await Assert.ThrowsAsync<HostedProviderException>(() => harness.Luma.SubmitAsync(
            new HostedRequest(HostedProvider.Luma, "generations", new JsonObject { ["model"] = "ray-3.2", ["type"] = "video" }), CancellationToken.None));
        Assert.Equal(VendorErrorCategory.InvalidField, refused.Failure.Category);
        Assert.Contains("prompt: Field required", refused.Failure.Message, StringComparison.Ordinal);

        harness.Vendor.Answer("POST", "/luma/v1/generations", _ => Reply.RateLimited(1));
        var limited = await Assert.ThrowsAnyAsync<HostedProviderException>(() => harness.Luma.SubmitAsync(
            new HostedRequest(HostedProvider.Luma, "generations", new JsonObject { ["prompt"] = "p", ["model"] = "ray-3.2", ["type"] = "video" }), CancellationToken.None));
        Assert.Equal(VendorErrorCategory.RateLimited, limited.Failure.Category);
        Assert.Empty(harness.Vendor.Submitted);
    }

    [Theory]
    [InlineData("content_moderated", VendorErrorCategory.ContentPolicy)]
    [InlineData("budget_exhausted", VendorErrorCategory.OutOfCredit)]
    [InlineData("generation_failed", VendorErrorCategory.GenerationFailed)]
    [InlineData("corrupt_input", VendorErrorCategory.InvalidField)]
    [InlineData("rate_limited", VendorErrorCategory.RateLimited)]
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
    public async Task Cancel_is_reported_as_not_supported_without_a_request_because_the_agents_api_has_none()
    {
        await using var harness = await ProviderHarness.StartAsync();

        var outcome = await harness.Luma.CancelAsync(new SubmittedJob(HostedProvider.Luma, "generations", GenerationId, DateTimeOffset.UtcNow), CancellationToken.None);

        Assert.Equal(CancelOutcome.NotSupported, outcome);
        Assert.Empty(harness.Vendor.Requests);
    }
}
