using System.Text;
using System.Text.Json.Nodes;
using Previz.Providers.Errors;
using Previz.Providers.Hosting;
using Previz.Providers.Tests.Loopback;
using Previz.Testing;

namespace Previz.Providers.Tests.Runway;

public sealed class RunwayClientTests
{
    private const string TaskId = "17f20503-6c24-4c16-946b-35dbbce2af2f";

    // Gen-4.5 image-to-video as in runwayml/sdk-python types/image_to_video_create_params.py.
    private static HostedRequest Gen45() => new(HostedProvider.Runway, "image_to_video", new JsonObject
    {
        ["model"] = "gen4.5",
        ["promptText"] = "The camera cranes up over the stadium",
        ["ratio"] = "1280:720",
        ["duration"] = 5,
        ["seed"] = 42,
    });

    [Fact]
    public async Task A_task_is_submitted_polled_to_success_and_downloaded_with_runways_headers()
    {
        await using var harness = await ProviderHarness.StartAsync();
        var polls = 0;
        harness.Vendor.Handle(r => (r.Method, r.Path) switch
        {
            ("POST", "/runway/v1/image_to_video") => Reply.Json(new JsonObject { ["id"] = TaskId }),
            ("GET", "/runway/v1/tasks/" + TaskId) => ++polls switch
            {
                1 => Reply.Json(new JsonObject { ["id"] = TaskId, ["status"] = "PENDING", ["createdAt"] = "2026-11-27T10:00:00Z" }),
                2 => Reply.Json(new JsonObject { ["id"] = TaskId, ["status"] = "THROTTLED", ["createdAt"] = "2026-11-27T10:00:00Z" }),
                3 => Reply.Json(new JsonObject { ["id"] = TaskId, ["status"] = "RUNNING", ["progress"] = 0.4, ["createdAt"] = "2026-11-27T10:00:00Z" }),
                _ => Reply.Json(new JsonObject { ["id"] = TaskId, ["status"] = "SUCCEEDED", ["output"] = new JsonArray(harness.Vendor.Url("/cdn/task.mp4?sig=1").AbsoluteUri), ["createdAt"] = "2026-11-27T10:00:00Z" }),
            },
            ("GET", "/cdn/task.mp4") => Reply.Bytes(Media.Mp4(2048), "video/mp4"),
            _ => Reply.Empty(404),
        });
        var runway = harness.Runway;

        var job = await runway.SubmitAsync(Gen45(), CancellationToken.None);
        var pending = Assert.IsType<QueuedStatus>(await runway.GetStatusAsync(job, CancellationToken.None));
        var throttled = Assert.IsType<QueuedStatus>(await runway.GetStatusAsync(job, CancellationToken.None));
        var running = Assert.IsType<RunningStatus>(await runway.GetStatusAsync(job, CancellationToken.None));
        var done = Assert.IsType<SucceededStatus>(await runway.GetStatusAsync(job, CancellationToken.None));
        using var file = new MemoryStream();
        var media = await runway.FetchResultAsync(done.Outputs[0], file, ExpectedMedia.Video, CancellationToken.None);

        Assert.Equal(TaskId, job.RequestId);
        Assert.False(pending.Throttled);
        Assert.True(throttled.Throttled);
        Assert.Equal(0.4, running.Progress);
        Assert.Equal(2048, media.Length);
        var submit = Assert.Single(harness.Vendor.RequestsTo("POST", "/runway/v1/image_to_video"));
        Assert.Equal("Bearer " + ProviderHarness.RunwayKey, submit.Header("Authorization"));
        Assert.Equal("2024-11-06", submit.Header("X-Runway-Version"));
        var body = submit.Json;
        Assert.Equal("gen4.5", (string?)body["model"]);
        Assert.Equal("The camera cranes up over the stadium", (string?)body["promptText"]);
        Assert.Equal("1280:720", (string?)body["ratio"]);
        Assert.Equal(5, (int?)body["duration"]);
        Assert.Equal(42, (int?)body["seed"]);
        Assert.All(harness.Vendor.RequestsTo("GET", "/runway/v1/tasks/" + TaskId), r =>
        {
            Assert.Equal("Bearer " + ProviderHarness.RunwayKey, r.Header("Authorization"));
            Assert.Equal("2024-11-06", r.Header("X-Runway-Version"));
        });
        Assert.Null(Assert.Single(harness.Vendor.RequestsTo("GET", "/cdn/task.mp4")).Header("Authorization"));
    }

    [Fact]
    public async Task A_safety_failure_code_is_a_content_policy_failure_with_runways_reason()
    {
        await using var harness = await ProviderHarness.StartAsync();
        harness.Vendor.Handle(r => Reply.Json(new JsonObject
        {
            ["id"] = TaskId,
            ["status"] = "FAILED",
            ["failure"] = "Your prompt was flagged by our content moderation system.",
            ["failureCode"] = "SAFETY.INPUT.TEXT",
            ["createdAt"] = "2026-11-27T10:00:00Z",
        }));

        var failed = Assert.IsType<FailedStatus>(await harness.Runway.GetStatusAsync(new SubmittedJob(HostedProvider.Runway, "image_to_video", TaskId, DateTimeOffset.UtcNow), CancellationToken.None));

        Assert.Equal(VendorErrorCategory.ContentPolicy, failed.Failure.Category);
        Assert.Equal("SAFETY.INPUT.TEXT", failed.Failure.VendorCode);
        Assert.Contains("flagged by our content moderation system", failed.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_task_and_a_cancel_request_use_delete_on_the_task()
    {
        await using var harness = await ProviderHarness.StartAsync();
        harness.Vendor.Handle(r => r.Method == "DELETE" ? Reply.Empty(204) : Reply.Json(new JsonObject { ["id"] = TaskId, ["status"] = "CANCELLED", ["createdAt"] = "2026-11-27T10:00:00Z" }));
        var job = new SubmittedJob(HostedProvider.Runway, "image_to_video", TaskId, DateTimeOffset.UtcNow);

        Assert.Equal(CancelOutcome.Requested, await harness.Runway.CancelAsync(job, CancellationToken.None));
        Assert.IsType<CanceledStatus>(await harness.Runway.GetStatusAsync(job, CancellationToken.None));

        var delete = Assert.Single(harness.Vendor.RequestsTo("DELETE", "/runway/v1/tasks/" + TaskId));
        Assert.Equal("Bearer " + ProviderHarness.RunwayKey, delete.Header("Authorization"));
        Assert.Equal("2024-11-06", delete.Header("X-Runway-Version"));
    }

    [Fact]
    public async Task A_400_names_the_field_runway_complains_about()
    {
        await using var harness = await ProviderHarness.StartAsync();
        harness.Vendor.Handle(_ => Reply.Json(400, new JsonObject { ["error"] = "Invalid asset for promptImage: Only HTTPS URLs are allowed." }));

        var error = await Assert.ThrowsAsync<HostedProviderException>(() => harness.Runway.SubmitAsync(Gen45(), CancellationToken.None));

        Assert.Equal(VendorErrorCategory.InvalidField, error.Category);
        Assert.Equal("promptImage", error.Failure.Field);
    }

    [Fact]
    public async Task Input_images_are_uploaded_as_ephemeral_runway_uploads()
    {
        await using var harness = await ProviderHarness.StartAsync();
        harness.Vendor.Handle(r => (r.Method, r.Path) switch
        {
            ("POST", "/runway/v1/uploads") => Reply.Json(new JsonObject
            {
                ["uploadUrl"] = harness.Vendor.Url("/bucket/upload").AbsoluteUri,
                ["fields"] = new JsonObject { ["key"] = "uploads/abc/start.png", ["policy"] = "p0l1cy" },
                ["runwayUri"] = "runway://uploads/abc",
            }),
            ("POST", "/bucket/upload") => Reply.Empty(204),
            ("POST", "/runway/v1/image_to_video") => Reply.Json(new JsonObject { ["id"] = TaskId }),
            _ => Reply.Empty(404),
        });
        var request = Gen45() with { Files = [new HostedInputFile("start.png", "image/png", Media.Png(), "/promptImage")] };

        await harness.Runway.SubmitAsync(request, CancellationToken.None);

        var create = Assert.Single(harness.Vendor.RequestsTo("POST", "/runway/v1/uploads")).Json;
        Assert.Equal("start.png", (string?)create["filename"]);
        Assert.Equal("ephemeral", (string?)create["type"]);
        var upload = Assert.Single(harness.Vendor.RequestsTo("POST", "/bucket/upload"));
        Assert.Null(upload.Header("Authorization"));
        Assert.StartsWith("multipart/form-data", upload.Header("Content-Type"), StringComparison.Ordinal);
        var form = Encoding.Latin1.GetString(upload.Body);
        Assert.Contains("name=key", form, StringComparison.Ordinal);
        Assert.Contains("uploads/abc/start.png", form, StringComparison.Ordinal);
        Assert.Contains("p0l1cy", form, StringComparison.Ordinal);
        Assert.Contains("filename=start.png", form, StringComparison.Ordinal);
        Assert.Contains(Encoding.Latin1.GetString(Media.Png()), form, StringComparison.Ordinal);
        Assert.True(form.IndexOf("p0l1cy", StringComparison.Ordinal) < form.IndexOf("filename=start.png", StringComparison.Ordinal), "the file comes after the policy fields");
        Assert.Equal("runway://uploads/abc", (string?)Assert.Single(harness.Vendor.RequestsTo("POST", "/runway/v1/image_to_video")).Json["promptImage"]);
    }

    [Fact]
    public async Task A_video_to_video_task_uploads_its_video_ephemerally_survives_a_429_and_polls_to_the_clip()
    {
        await using var harness = await ProviderHarness.StartAsync();
        // Running from a quarter of the work time to its end: 1.2 s, so that polls 50 ms apart see it even when a loaded
        // machine delays some of them (at 400 ms a CI run once polled straight from PENDING to SUCCEEDED).
        harness.Vendor.WorkTime = TimeSpan.FromMilliseconds(1600);
        var submits = 0;
        // Runway's 429 is retryable (docs.dev.runwayml.com/errors/errors); then the stand-in's documented protocol answers.
        harness.Vendor.Handle(r => r is { Method: "POST", Path: "/runway/v1/video_to_video" } && ++submits == 1 ? Reply.RateLimited(0) : null);
        var guide = Media.Mp4(4096);
        var request = Aleph2() with { Files = [new HostedInputFile("guide-shaded.mp4", "video/mp4", guide, "/videoUri")] };
        var runway = harness.Runway;

        var job = await runway.SubmitAsync(request, CancellationToken.None);
        HostedJobStatus status;
        var seen = new List<string>();
        do
        {
            status = await runway.GetStatusAsync(job, CancellationToken.None);
            seen.Add(status.GetType().Name);
            await Task.Delay(50);
        }
        while (status is QueuedStatus or RunningStatus && seen.Count < 200);

        var done = Assert.IsType<SucceededStatus>(status);
        Assert.Contains(nameof(RunningStatus), seen);
        using var clip = new MemoryStream();
        await runway.FetchResultAsync(done.Outputs[0], clip, ExpectedMedia.Video, CancellationToken.None);
        Assert.Equal(harness.Vendor.Clip, clip.ToArray());
        Assert.Equal(2, harness.Vendor.RequestsTo("POST", "/runway/v1/video_to_video").Count);
        var (endpoint, body) = Assert.Single(harness.Vendor.Submitted);
        Assert.Equal("video_to_video", endpoint);
        var videoUri = (string?)body["videoUri"] ?? string.Empty;
        Assert.StartsWith("runway://", videoUri, StringComparison.Ordinal);
        var uploaded = harness.Vendor.Uploads[videoUri];
        Assert.Equal(("guide-shaded.mp4", "video/mp4"), (uploaded.Name, uploaded.ContentType));
        Assert.Equal(guide, uploaded.Content);
        Assert.Equal("ephemeral", (string?)Assert.Single(harness.Vendor.RequestsTo("POST", "/runway/v1/uploads")).Json["type"]);
    }

    [Fact]
    public async Task A_video_to_video_task_whose_video_was_never_uploaded_is_refused_naming_video_uri()
    {
        await using var harness = await ProviderHarness.StartAsync();
        var request = Aleph2();
        request.Body["videoUri"] = "runway://uploads/missing/guide-shaded.mp4";

        var error = await Assert.ThrowsAsync<HostedProviderException>(() => harness.Runway.SubmitAsync(request, CancellationToken.None));

        Assert.Equal(VendorErrorCategory.InvalidField, error.Category);
        Assert.Equal("videoUri", error.Failure.Field);
        Assert.Equal(0, harness.Vendor.Submits);
    }

    [Fact]
    public async Task A_failed_video_to_video_task_reports_runways_failure_code()
    {
        await using var harness = await ProviderHarness.StartAsync();
        harness.Vendor.WorkTime = TimeSpan.FromMilliseconds(100);
        harness.Vendor.Failure = ("INPUT_PREPROCESSING.SAFETY.TEXT", "The prompt was flagged by content moderation.");
        var request = Aleph2() with { Files = [new HostedInputFile("guide-shaded.mp4", "video/mp4", Media.Mp4(), "/videoUri")] };

        var job = await harness.Runway.SubmitAsync(request, CancellationToken.None);
        await Task.Delay(200);
        var failed = Assert.IsType<FailedStatus>(await harness.Runway.GetStatusAsync(job, CancellationToken.None));

        Assert.Equal(VendorErrorCategory.ContentPolicy, failed.Failure.Category);
        Assert.Contains("content moderation", failed.Failure.Message, StringComparison.Ordinal);
    }

    // Aleph 2.0 video-to-video as in runwayml/sdk-python types/video_to_video_create_params.py (Variant0).
    private static HostedRequest Aleph2() => new(HostedProvider.Runway, "video_to_video", new JsonObject
    {
        ["model"] = "aleph2",
        ["promptText"] = "The stadium at night under floodlights, film grain",
        ["seed"] = 42,
    });
}
