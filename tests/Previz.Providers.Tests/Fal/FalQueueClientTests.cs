using System.Diagnostics;
using System.Text.Json.Nodes;
using Previz.Providers.Errors;
using Previz.Providers.Hosting;
using Previz.Providers.Tests.Loopback;
using Previz.Testing;

namespace Previz.Providers.Tests.Fal;

public sealed class FalQueueClientTests
{
    private static HostedRequest KlingRequest() => new(HostedProvider.Fal, ProviderHarness.FalEndpoint, new JsonObject
    {
        // Kling 2.1 Pro image-to-video input as in fal-ai/fal-js types/endpoints.ts.
        ["prompt"] = "Slow dolly in on the stadium at dusk",
        ["image_url"] = "https://example.com/start.png",
        ["duration"] = "5",
        ["negative_prompt"] = "blur, distort, and low quality",
    })
    { IdempotencyKey = "job-42" };

    [Fact]
    public async Task Submitting_polling_through_the_queue_and_fetching_follows_fals_protocol()
    {
        await using var harness = await ProviderHarness.StartAsync();
        harness.Vendor.Statuses.AddRange([() => FalReplies.Queued(2), () => FalReplies.Queued(1), () => FalReplies.InProgress("Loading model", "Sampling 10/50"), FalReplies.Completed]);
        var fal = harness.Fal;

        var job = await fal.SubmitAsync(KlingRequest(), CancellationToken.None);

        Assert.Equal(ProviderHarness.FalRequestId, job.RequestId);
        Assert.Equal(3, job.QueuePosition);
        Assert.Equal(harness.Vendor.Url(ProviderHarness.FalAppPath + "/status"), job.StatusUrl);
        Assert.Equal(harness.Vendor.Url(ProviderHarness.FalAppPath), job.ResponseUrl);
        Assert.Equal(harness.Vendor.Url(ProviderHarness.FalAppPath + "/cancel"), job.CancelUrl);
        var submit = Assert.Single(harness.Vendor.RequestsTo("POST", "/queue/" + ProviderHarness.FalEndpoint));
        Assert.Equal("Key " + ProviderHarness.FalKey, submit.Header("Authorization"));
        Assert.StartsWith("application/json", submit.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Equal(string.Empty, submit.Query);
        var body = submit.Json;
        Assert.Equal("Slow dolly in on the stadium at dusk", (string?)body["prompt"]);
        Assert.Equal("https://example.com/start.png", (string?)body["image_url"]);
        Assert.Equal("5", (string?)body["duration"]);
        Assert.Equal("blur, distort, and low quality", (string?)body["negative_prompt"]);
        Assert.Equal(4, body.Count);

        var first = Assert.IsType<QueuedStatus>(await fal.GetStatusAsync(job, CancellationToken.None));
        var second = Assert.IsType<QueuedStatus>(await fal.GetStatusAsync(job, CancellationToken.None));
        var running = Assert.IsType<RunningStatus>(await fal.GetStatusAsync(job, CancellationToken.None));
        var done = Assert.IsType<SucceededStatus>(await fal.GetStatusAsync(job, CancellationToken.None));
        Assert.Equal(2, first.Position);
        Assert.Equal(1, second.Position);
        Assert.Equal(["Loading model", "Sampling 10/50"], running.Logs);
        var output = Assert.Single(done.Outputs);
        Assert.Equal(harness.Vendor.Url(ProviderHarness.FalMediaPath), output.Url);
        Assert.Equal("video/mp4", output.ContentType);
        Assert.Equal(4096, output.FileSize);

        var statusCalls = harness.Vendor.RequestsTo("GET", ProviderHarness.FalAppPath + "/status");
        Assert.Equal(4, statusCalls.Count);
        Assert.All(statusCalls, r => Assert.Equal("?logs=1", r.Query));
        Assert.All(statusCalls, r => Assert.Equal("Key " + ProviderHarness.FalKey, r.Header("Authorization")));
        Assert.Equal("Key " + ProviderHarness.FalKey, Assert.Single(harness.Vendor.RequestsTo("GET", ProviderHarness.FalAppPath)).Header("Authorization"));

        using var file = new MemoryStream();
        var fetched = await fal.FetchResultAsync(output, file, ExpectedMedia.Video, CancellationToken.None);
        Assert.Equal(MediaKind.Video, fetched.Kind);
        Assert.Equal("mp4", fetched.Format);
        Assert.Equal(4096, fetched.Length);
        Assert.Equal(Media.Mp4(), file.ToArray());
        // The CDN is never given the key.
        Assert.Null(Assert.Single(harness.Vendor.RequestsTo("GET", ProviderHarness.FalMediaPath)).Header("Authorization"));
    }

    [Fact]
    public async Task A_webhook_is_passed_as_the_fal_webhook_query_parameter()
    {
        await using var harness = await ProviderHarness.StartAsync();

        await harness.Fal.SubmitAsync(KlingRequest() with { WebhookUrl = new Uri("https://previz.example/hooks/fal?job=42") }, CancellationToken.None);

        var submit = Assert.Single(harness.Vendor.RequestsTo("POST", "/queue/" + ProviderHarness.FalEndpoint));
        Assert.Equal("?fal_webhook=https%3A%2F%2Fpreviz.example%2Fhooks%2Ffal%3Fjob%3D42", submit.Query);
    }

    [Fact]
    public async Task A_429_with_Retry_After_is_retried_after_the_wait_the_vendor_asked_for()
    {
        await using var harness = await ProviderHarness.StartAsync();
        harness.Vendor.Statuses.AddRange([
            () => Reply.Json(429, new JsonObject { ["detail"] = "Too many requests" }, new Dictionary<string, string> { ["Retry-After"] = "1" }),
            () => FalReplies.Queued(0),
        ]);
        var job = await harness.Fal.SubmitAsync(KlingRequest(), CancellationToken.None);

        var clock = Stopwatch.StartNew();
        var status = await harness.Fal.GetStatusAsync(job, CancellationToken.None);

        Assert.Equal(0, Assert.IsType<QueuedStatus>(status).Position);
        var calls = harness.Vendor.RequestsTo("GET", ProviderHarness.FalAppPath + "/status");
        Assert.Equal(2, calls.Count);
        // Backoff is 10 ms in this harness: only Retry-After explains a one-second gap.
        Assert.True(calls[1].At - calls[0].At >= TimeSpan.FromMilliseconds(950), $"waited {calls[1].At - calls[0].At}");
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(950));
    }

    [Fact]
    public async Task A_500_on_status_is_retried_and_the_next_answer_used()
    {
        await using var harness = await ProviderHarness.StartAsync();
        harness.Vendor.Statuses.AddRange([() => Reply.Text(500, "Internal Server Error"), () => FalReplies.InProgress("step")]);
        var job = await harness.Fal.SubmitAsync(KlingRequest(), CancellationToken.None);

        var status = await harness.Fal.GetStatusAsync(job, CancellationToken.None);

        Assert.IsType<RunningStatus>(status);
        Assert.Equal(2, harness.Vendor.RequestsTo("GET", ProviderHarness.FalAppPath + "/status").Count);
    }

    [Fact]
    public async Task A_504_that_fal_marks_as_the_users_own_timeout_is_not_retried()
    {
        await using var harness = await ProviderHarness.StartAsync();
        harness.Vendor.Statuses.Add(() => Reply.Json(
            504,
            new JsonObject { ["detail"] = "Request timed out", ["error_type"] = "request_timeout" },
            new Dictionary<string, string> { ["X-Fal-Request-Timeout-Type"] = "user", ["X-Fal-Error-Type"] = "request_timeout" }));
        var job = await harness.Fal.SubmitAsync(KlingRequest(), CancellationToken.None);

        var error = await Assert.ThrowsAsync<HostedProviderException>(() => harness.Fal.GetStatusAsync(job, CancellationToken.None));

        Assert.Equal(VendorErrorCategory.TimedOut, error.Category);
        Assert.Equal("request_timeout", error.Failure.VendorCode);
        Assert.Single(harness.Vendor.RequestsTo("GET", ProviderHarness.FalAppPath + "/status"));
    }

    [Fact]
    public async Task Malformed_json_on_status_is_a_bad_response_error()
    {
        await using var harness = await ProviderHarness.StartAsync();
        harness.Vendor.Statuses.Add(() => Reply.Text(200, "{\"status\": \"IN_QUEUE\", \"queue_pos", "application/json"));
        var job = await harness.Fal.SubmitAsync(KlingRequest(), CancellationToken.None);

        var error = await Assert.ThrowsAsync<HostedProviderException>(() => harness.Fal.GetStatusAsync(job, CancellationToken.None));

        Assert.Equal(VendorErrorCategory.BadResponse, error.Category);
        Assert.Contains("fal sent an answer Previz cannot read", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_json_in_the_submit_answer_leaves_the_outcome_unknown()
    {
        await using var harness = await ProviderHarness.StartAsync();
        harness.Vendor.Answer("POST", ProviderHarness.FalSubmitPath, _ => Reply.Text(200, "<html>gateway</html>", "text/html"));

        var error = await Assert.ThrowsAsync<SubmitOutcomeUnknownException>(() => harness.Fal.SubmitAsync(KlingRequest(), CancellationToken.None));

        Assert.Equal("job-42", error.IdempotencyKey);
        Assert.Single(harness.Vendor.RequestsTo("POST", "/queue/" + ProviderHarness.FalEndpoint));
    }

    [Fact]
    public async Task A_submit_that_times_out_is_reported_as_unknown_and_sent_exactly_once()
    {
        await using var harness = await ProviderHarness.StartAsync(settings => settings["Providers:Http:SubmitTimeout"] = "00:00:01");
        harness.Vendor.Answer("POST", ProviderHarness.FalSubmitPath, _ => Reply.Json(harness.Vendor.FalSubmitAnswer(ProviderHarness.FalEndpoint, ProviderHarness.FalRequestId)) with { Delay = TimeSpan.FromSeconds(3) });

        // The vendor would answer after 3 s: an exception at all proves the 1 s submit timeout fired first.
        var error = await Assert.ThrowsAsync<SubmitOutcomeUnknownException>(() => harness.Fal.SubmitAsync(KlingRequest(), CancellationToken.None));

        Assert.Equal(HostedProvider.Fal, error.Provider);
        Assert.Equal(ProviderHarness.FalEndpoint, error.Endpoint);
        Assert.Contains("no answer within 1 s", error.Message, StringComparison.Ordinal);
        Assert.Contains("check the fal dashboard", error.Message, StringComparison.Ordinal);
        await Task.Delay(300);
        Assert.Single(harness.Vendor.RequestsTo("POST", "/queue/" + ProviderHarness.FalEndpoint));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task A_submit_answered_with_5xx_is_unknown_and_never_resent(int status)
    {
        await using var harness = await ProviderHarness.StartAsync();
        harness.Vendor.Answer("POST", ProviderHarness.FalSubmitPath, _ => Reply.Text(status, "upstream trouble"));

        var error = await Assert.ThrowsAsync<SubmitOutcomeUnknownException>(() => harness.Fal.SubmitAsync(KlingRequest(), CancellationToken.None));

        Assert.Contains($"HTTP {status}", error.Reason, StringComparison.Ordinal);
        await Task.Delay(100);
        Assert.Single(harness.Vendor.RequestsTo("POST", "/queue/" + ProviderHarness.FalEndpoint));
    }

    [Fact]
    public async Task A_submit_to_a_closed_port_is_a_plain_outage_not_an_unknown_outcome()
    {
        await using var harness = await ProviderHarness.StartAsync(s => s["Providers:Fal:QueueUrl"] = "http://127.0.0.1:9/queue");

        var error = await Assert.ThrowsAsync<HostedProviderException>(() => harness.Fal.SubmitAsync(KlingRequest(), CancellationToken.None));

        Assert.Equal(VendorErrorCategory.VendorUnavailable, error.Category);
    }

    [Fact]
    public async Task A_422_on_submit_names_the_invalid_field()
    {
        await using var harness = await ProviderHarness.StartAsync();
        harness.Vendor.Answer("POST", ProviderHarness.FalSubmitPath, _ => Reply.Json(422, new JsonObject
        {
            ["detail"] = new JsonArray(new JsonObject
            {
                ["loc"] = new JsonArray("body", "duration"),
                ["msg"] = "Input should be '5' or '10'",
                ["type"] = "one_of",
                ["url"] = "https://docs.fal.ai/errors/#one_of",
                ["ctx"] = new JsonObject { ["expected"] = new JsonArray("5", "10") },
                ["input"] = "7",
            }),
        }));

        var error = await Assert.ThrowsAsync<HostedProviderException>(() => harness.Fal.SubmitAsync(KlingRequest(), CancellationToken.None));

        Assert.Equal(VendorErrorCategory.InvalidField, error.Category);
        Assert.Equal("duration", error.Failure.Field);
        Assert.Equal("one_of", error.Failure.VendorCode);
        Assert.Equal(422, error.HttpStatus);
        Assert.Equal("fal rejected the field 'duration' (Input should be '5' or '10').", error.Message);
    }

    [Fact]
    public async Task A_content_policy_failure_is_reported_as_such_with_the_flagged_field()
    {
        await using var harness = await ProviderHarness.StartAsync();
        // The status says COMPLETED with an error; the result endpoint repeats the model's 422.
        harness.Vendor.Answer("GET", ProviderHarness.FalAppPath, _ => Reply.Json(422, new JsonObject
        {
            ["detail"] = new JsonArray(new JsonObject
            {
                ["loc"] = new JsonArray("body", "prompt"),
                ["msg"] = "The content could not be processed because it contained material flagged by a content checker.",
                ["type"] = "content_policy_violation",
                ["url"] = "https://docs.fal.ai/errors/#content_policy_violation",
            }),
        }));
        harness.Vendor.Statuses.Add(() => Reply.Json(new JsonObject { ["status"] = "COMPLETED", ["error"] = "Unprocessable", ["error_type"] = "content_policy_violation" }));
        var job = await harness.Fal.SubmitAsync(KlingRequest(), CancellationToken.None);

        var failed = Assert.IsType<FailedStatus>(await harness.Fal.GetStatusAsync(job, CancellationToken.None));

        Assert.Equal(VendorErrorCategory.ContentPolicy, failed.Failure.Category);
        Assert.Equal("prompt", failed.Failure.Field);
        Assert.Equal("content_policy_violation", failed.Failure.VendorCode);
        Assert.StartsWith("fal refused the content: its safety filter flagged", failed.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_key_is_a_bad_key_error_naming_the_variable_not_the_key()
    {
        await using var harness = await ProviderHarness.StartAsync();
        harness.Vendor.Answer("POST", ProviderHarness.FalSubmitPath, _ => Reply.Json(401, new JsonObject { ["detail"] = "Invalid key " + ProviderHarness.FalKey }));

        var error = await Assert.ThrowsAsync<HostedProviderException>(() => harness.Fal.SubmitAsync(KlingRequest(), CancellationToken.None));

        Assert.Equal(VendorErrorCategory.BadKey, error.Category);
        Assert.Contains("FAL_KEY", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ProviderHarness.FalKey, error.Message, StringComparison.Ordinal);
        Assert.Single(harness.Vendor.RequestsTo("POST", "/queue/" + ProviderHarness.FalEndpoint));
    }

    [Fact]
    public async Task A_missing_key_names_the_variable_and_sends_nothing()
    {
        await using var harness = await ProviderHarness.StartAsync(s => s["FAL_KEY"] = null);

        var error = await Assert.ThrowsAsync<MissingApiKeyException>(() => harness.Fal.SubmitAsync(KlingRequest(), CancellationToken.None));

        Assert.Equal("FAL_KEY", error.VariableName);
        Assert.Equal("fal needs an API key: set the environment variable FAL_KEY.", error.Message);
        Assert.Empty(harness.Vendor.Requests);
    }

    [Fact]
    public async Task Canceling_a_queued_request_puts_to_the_cancel_url()
    {
        await using var harness = await ProviderHarness.StartAsync();
        harness.Vendor.Statuses.Add(() => FalReplies.Queued(4));
        // Still at the vendor when the cancel comes, however slow the machine.
        harness.Vendor.WorkTime = TimeSpan.FromHours(1);
        var job = await harness.Fal.SubmitAsync(KlingRequest(), CancellationToken.None);
        Assert.IsType<QueuedStatus>(await harness.Fal.GetStatusAsync(job, CancellationToken.None));

        var outcome = await harness.Fal.CancelAsync(job, CancellationToken.None);

        Assert.Equal(CancelOutcome.Requested, outcome);
        var cancel = Assert.Single(harness.Vendor.RequestsTo("PUT", ProviderHarness.FalAppPath + "/cancel"));
        Assert.Equal("Key " + ProviderHarness.FalKey, cancel.Header("Authorization"));
    }

    [Fact]
    public async Task Canceling_a_finished_request_says_it_was_too_late()
    {
        await using var harness = await ProviderHarness.StartAsync();
        harness.Vendor.Answer("PUT", ProviderHarness.FalAppPath + "/cancel", _ => Reply.Json(400, new JsonObject { ["status"] = "ALREADY_COMPLETED" }));
        var job = await harness.Fal.SubmitAsync(KlingRequest(), CancellationToken.None);

        Assert.Equal(CancelOutcome.AlreadyCompleted, await harness.Fal.CancelAsync(job, CancellationToken.None));
    }

    [Fact]
    public async Task A_result_url_that_answers_with_a_web_page_is_not_accepted_as_a_video()
    {
        await using var harness = await ProviderHarness.StartAsync();
        harness.Vendor.Answer("GET", ProviderHarness.FalMediaPath, _ => Reply.Text(200, "<!DOCTYPE html><html><body>Access denied</body></html>", "video/mp4"));
        harness.Vendor.Statuses.Add(FalReplies.Completed);
        var job = await harness.Fal.SubmitAsync(KlingRequest(), CancellationToken.None);
        var done = Assert.IsType<SucceededStatus>(await harness.Fal.GetStatusAsync(job, CancellationToken.None));
        using var file = new MemoryStream();

        var error = await Assert.ThrowsAsync<UnexpectedMediaException>(() => harness.Fal.FetchResultAsync(done.Outputs[0], file, ExpectedMedia.Video, CancellationToken.None));

        Assert.Contains("is not a video", error.Message, StringComparison.Ordinal);
        Assert.Contains("<!DOCTYPE html>", error.Message, StringComparison.Ordinal);
        Assert.Equal("video/mp4", error.ContentType);
        Assert.Equal(0, file.Length);
    }

    [Fact]
    public async Task An_image_where_a_video_was_expected_is_refused()
    {
        await using var harness = await ProviderHarness.StartAsync();
        harness.Vendor.Answer("GET", ProviderHarness.FalMediaPath, _ => Reply.Bytes(Media.Png(), "image/png"));
        using var file = new MemoryStream();

        var error = await Assert.ThrowsAsync<UnexpectedMediaException>(() =>
            harness.Fal.FetchResultAsync(new HostedOutput(harness.Vendor.Url(ProviderHarness.FalMediaPath)), file, ExpectedMedia.Video, CancellationToken.None));

        Assert.Contains("it is an image (png)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Input_files_are_uploaded_through_fal_storage_and_their_urls_put_in_the_body()
    {
        await using var harness = await ProviderHarness.StartAsync();
        var uploads = 0;
        harness.Vendor.Handle(request =>
        {
            if (request.Method == "POST" && request.Path == "/rest/storage/upload/initiate")
            {
                var n = ++uploads;
                return Reply.Json(new JsonObject
                {
                    ["upload_url"] = harness.Vendor.Url($"/signed-upload/{n}?X-Goog-Signature=abc").AbsoluteUri,
                    ["file_url"] = $"https://v3.fal.media/files/rabbit/{n}.png",
                });
            }

            return request.Method == "PUT" && request.Path.StartsWith("/signed-upload/", StringComparison.Ordinal) ? Reply.Empty(200) : null;
        });
        var start = Media.Png();
        var end = Media.Png().Reverse().ToArray();
        var request = new HostedRequest(HostedProvider.Fal, ProviderHarness.FalEndpoint, new JsonObject { ["prompt"] = "orbit", ["duration"] = "5" })
        {
            Files =
            [
                new HostedInputFile("start.png", "image/png", start, "/image_url"),
                new HostedInputFile("end.png", "image/png", end, "/tail_image_url"),
            ],
        };

        await harness.Fal.SubmitAsync(request, CancellationToken.None);

        var initiates = harness.Vendor.RequestsTo("POST", "/rest/storage/upload/initiate");
        Assert.Equal(2, initiates.Count);
        Assert.All(initiates, r => Assert.Equal("?storage_type=fal-cdn-v3", r.Query));
        Assert.All(initiates, r => Assert.Equal("Key " + ProviderHarness.FalKey, r.Header("Authorization")));
        Assert.Equal("image/png", (string?)initiates[0].Json["content_type"]);
        Assert.Equal("start.png", (string?)initiates[0].Json["file_name"]);
        Assert.Equal("end.png", (string?)initiates[1].Json["file_name"]);
        var put = Assert.Single(harness.Vendor.RequestsTo("PUT", "/signed-upload/1"));
        Assert.Equal("?X-Goog-Signature=abc", put.Query);
        Assert.Equal(start, put.Body);
        Assert.Equal("image/png", put.Header("Content-Type"));
        Assert.Null(put.Header("Authorization"));
        Assert.Equal(end, Assert.Single(harness.Vendor.RequestsTo("PUT", "/signed-upload/2")).Body);
        var body = Assert.Single(harness.Vendor.RequestsTo("POST", "/queue/" + ProviderHarness.FalEndpoint)).Json;
        Assert.Equal("https://v3.fal.media/files/rabbit/1.png", (string?)body["image_url"]);
        Assert.Equal("https://v3.fal.media/files/rabbit/2.png", (string?)body["tail_image_url"]);
        Assert.Equal("orbit", (string?)body["prompt"]);
        // The caller's body is not changed.
        Assert.Null(request.Body["image_url"]);
    }

    [Fact]
    public async Task A_data_uri_input_is_inlined_without_any_upload()
    {
        await using var harness = await ProviderHarness.StartAsync();
        var request = KlingRequest() with { Files = [new HostedInputFile("start.png", "image/png", Media.Png(), "/image_url", InputFileTransport.DataUri)] };

        await harness.Fal.SubmitAsync(request, CancellationToken.None);

        var body = Assert.Single(harness.Vendor.RequestsTo("POST", "/queue/" + ProviderHarness.FalEndpoint)).Json;
        Assert.Equal("data:image/png;base64," + Convert.ToBase64String(Media.Png()), (string?)body["image_url"]);
        Assert.Empty(harness.Vendor.RequestsTo("POST", "/rest/storage/upload/initiate"));
    }

    [Fact]
    public async Task Queue_urls_on_a_foreign_host_are_replaced_so_the_key_never_leaves_the_queue_host()
    {
        await using var harness = await ProviderHarness.StartAsync();
        harness.Vendor.Answer("POST", ProviderHarness.FalSubmitPath, _ =>
        {
            var answer = harness.Vendor.FalSubmitAnswer(ProviderHarness.FalEndpoint, ProviderHarness.FalRequestId);
            answer["status_url"] = "http://127.0.0.2:1/steal/status";
            return Reply.Json(answer);
        });
        harness.Vendor.Statuses.Add(() => FalReplies.Queued(0));

        var job = await harness.Fal.SubmitAsync(KlingRequest(), CancellationToken.None);
        await harness.Fal.GetStatusAsync(job, CancellationToken.None);

        Assert.Null(job.StatusUrl);
        Assert.Single(harness.Vendor.RequestsTo("GET", ProviderHarness.FalAppPath + "/status"));
    }
}
