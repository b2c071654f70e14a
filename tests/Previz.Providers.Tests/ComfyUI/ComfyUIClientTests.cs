using System.Text.Json.Nodes;
using Previz.Core;
using Previz.Core.Catalog;
using Previz.Core.Modes;
using Previz.Providers.ComfyUI;
using Previz.Providers.Errors;
using Previz.Providers.Generation;
using Previz.Providers.Hosting;
using Previz.Providers.Tests.Generation;
using Previz.Providers.Tests.Loopback;
using Previz.Testing;

namespace Previz.Providers.Tests.ComfyUI;

/// <summary>The ComfyUI client against a stand-in written from ComfyUI's documented HTTP API.</summary>
public sealed class ComfyUIClientTests : IAsyncLifetime, IDisposable
{
    private readonly GenerationScenes _scenes = new();
    private LoopbackComfyUI _server = null!;
    private ProviderHarness _harness = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackComfyUI.StartAsync(TestClip.Mp4);
        _harness = await ProviderHarness.StartAsync(s => s["Providers:ComfyUI:Url"] = _server.BaseUri.AbsoluteUri);
    }

    public async Task DisposeAsync()
    {
        await _harness.DisposeAsync();
        await _server.DisposeAsync();
    }

    public void Dispose() => _scenes.Dispose();

    private ComfyUIClient Client => _harness.Get<ComfyUIClient>();

    [Fact]
    public async Task A_run_uploads_the_guide_fills_every_slot_of_the_default_workflow_and_fetches_the_saved_video()
    {
        var plan = await PlanAsync();
        var job = await Client.SubmitAsync(plan.Request!, CancellationToken.None);

        // The guide went to the input folder and its name into LoadVideo; numbers stay numbers, text stays text.
        var guide = Assert.Single(_server.Inputs.Values);
        Assert.Equal("video/mp4", guide.ContentType);
        Assert.EndsWith("guide-depth.mp4", guide.Name, StringComparison.Ordinal);
        Assert.Equal(plan.Request!.Files.Single().Content.ToArray(), guide.Content);
        var workflow = Assert.Single(_server.Workflows);
        Assert.Equal(guide.Name, (string?)workflow["6"]!["inputs"]!["file"]);
        var vace = workflow["8"]!["inputs"]!;
        var sent = plan.Guide!;
        Assert.Equal((sent.Width, sent.Height, sent.Frames), ((int)vace["width"]!, (int)vace["height"]!, (int)vace["length"]!));
        Assert.Equal(0, sent.Width % 16);
        Assert.Equal(0, sent.Height % 16);
        Assert.Equal(1, sent.Frames % 4);
        Assert.Equal(sent.Fps, (int)workflow["12"]!["inputs"]!["fps"]!);
        Assert.Equal(7, (long)workflow["9"]!["inputs"]!["seed"]!);
        Assert.Equal(plan.Prompt.Text, (string?)workflow["4"]!["inputs"]!["text"]);
        Assert.Equal("blurry, warped", (string?)workflow["5"]!["inputs"]!["text"]);
        Assert.DoesNotContain("{{", workflow.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(["6", 0], workflow["7"]!["inputs"]!["video"]!.AsArray().Select(n => n is JsonValue v && v.TryGetValue<int>(out var i) ? (object)i : (string)n!));

        var status = await WaitAsync(job);
        var output = Assert.Single(Assert.IsType<SucceededStatus>(status).Outputs);
        using var file = new MemoryStream();
        var fetched = await Client.FetchResultAsync(output, file, ExpectedMedia.Video, CancellationToken.None);
        Assert.Equal(MediaKind.Video, fetched.Kind);
        Assert.Equal(TestClip.Mp4, file.ToArray());
        Assert.Contains(_server.Requests, r => r.Path == "/view" && r.Query.Contains("type=output", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_prompt_behind_another_is_queued_with_its_position_then_runs()
    {
        _server.RunTime = TimeSpan.FromSeconds(1.5);
        var plan = await PlanAsync();
        var first = await Client.SubmitAsync(plan.Request!, CancellationToken.None);
        var second = await Client.SubmitAsync(plan.Request!, CancellationToken.None);

        Assert.IsType<RunningStatus>(await Client.GetStatusAsync(first, CancellationToken.None));
        Assert.Equal(1, Assert.IsType<QueuedStatus>(await Client.GetStatusAsync(second, CancellationToken.None)).Position);
        Assert.IsType<SucceededStatus>(await WaitAsync(second));
    }

    [Fact]
    public async Task An_execution_error_in_history_fails_the_job_with_the_node_and_the_servers_words()
    {
        _server.ExecutionError = ("9", "KSampler", "CUDA out of memory. Tried to allocate 2.00 GiB");
        var job = await Client.SubmitAsync((await PlanAsync()).Request!, CancellationToken.None);

        var failed = Assert.IsType<FailedStatus>(await WaitAsync(job));

        Assert.Equal(VendorErrorCategory.GenerationFailed, failed.Failure.Category);
        Assert.Contains("node 9 (KSampler)", failed.Failure.Message, StringComparison.Ordinal);
        Assert.Contains("CUDA out of memory", failed.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_workflow_the_server_refuses_is_an_error_naming_the_node_and_what_it_said()
    {
        var broken = Path.Combine(_scenes.Folder, "broken.json");
        var workflow = ComfyUIWorkflow.Load(Path.Combine(AppContext.BaseDirectory, "ComfyUI", "Workflows", "wan-vace-depth.json"));
        workflow["11"]!["inputs"]!["vae"] = new JsonArray("99", 0);
        await File.WriteAllTextAsync(broken, workflow.ToJsonString());
        await using var harness = await ProviderHarness.StartAsync(s =>
        {
            s["Providers:ComfyUI:Url"] = _server.BaseUri.AbsoluteUri;
            s["Providers:ComfyUI:Workflow"] = broken;
        });

        var request = (await PlanAsync()).Request!;
        var error = await Assert.ThrowsAsync<HostedProviderException>(() => harness.Get<ComfyUIClient>().SubmitAsync(request, CancellationToken.None));

        Assert.Equal(VendorErrorCategory.InvalidField, error.Failure.Category);
        Assert.Contains("Prompt outputs failed validation", error.Message, StringComparison.Ordinal);
        Assert.Contains("node 11 (VAEDecode)", error.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Workflows);
    }

    [Fact]
    public async Task A_slot_the_request_cannot_fill_is_a_user_error_naming_it_before_anything_is_queued()
    {
        var custom = Path.Combine(_scenes.Folder, "with-start.json");
        var workflow = ComfyUIWorkflow.Load(Path.Combine(AppContext.BaseDirectory, "ComfyUI", "Workflows", "wan-vace-depth.json"));
        workflow["20"] = new JsonObject { ["class_type"] = "LoadImage", ["inputs"] = new JsonObject { ["image"] = "{{start_frame}}" } };
        await File.WriteAllTextAsync(custom, workflow.ToJsonString());
        await using var harness = await ProviderHarness.StartAsync(s =>
        {
            s["Providers:ComfyUI:Url"] = _server.BaseUri.AbsoluteUri;
            s["Providers:ComfyUI:Workflow"] = custom;
        });

        var request = (await PlanAsync()).Request!;
        var error = await Assert.ThrowsAsync<UserErrorException>(() => harness.Get<ComfyUIClient>().SubmitAsync(request, CancellationToken.None));

        Assert.Contains("{{start_frame}}", error.Message, StringComparison.Ordinal);
        Assert.Contains("node 20", error.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Workflows);
    }

    [Fact]
    public async Task A_server_that_restarts_mid_job_fails_the_job_with_the_reason()
    {
        _server.RunTime = TimeSpan.FromSeconds(30);
        var job = await Client.SubmitAsync((await PlanAsync()).Request!, CancellationToken.None);
        Assert.IsType<RunningStatus>(await Client.GetStatusAsync(job, CancellationToken.None));

        _server.Restart();
        var failed = Assert.IsType<FailedStatus>(await Client.GetStatusAsync(job, CancellationToken.None));

        Assert.Equal(VendorErrorCategory.NotFound, failed.Failure.Category);
        Assert.Contains(_server.BaseUri.AbsoluteUri.TrimEnd('/'), failed.Failure.Message, StringComparison.Ordinal);
        Assert.Contains("no longer knows prompt " + job.RequestId, failed.Failure.Message, StringComparison.Ordinal);
        Assert.Contains("Generate again", failed.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_stops_answering_is_an_error_naming_its_address()
    {
        var job = await Client.SubmitAsync((await PlanAsync()).Request!, CancellationToken.None);

        await _server.StopAsync();
        var error = await Assert.ThrowsAsync<HostedProviderException>(() => Client.GetStatusAsync(job, CancellationToken.None));

        Assert.Equal(VendorErrorCategory.VendorUnavailable, error.Failure.Category);
        Assert.Contains($"The ComfyUI server at {_server.BaseUri.AbsoluteUri.TrimEnd('/')} cannot be reached", error.Message, StringComparison.Ordinal);
        Assert.Contains("Providers__ComfyUI__Url", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_address_a_comfyui_model_is_refused_naming_the_setting()
    {
        await using var harness = await ProviderHarness.StartAsync();
        var planner = new GenerationPlanner(ModelCatalog.Default, harness.Get<Previz.Providers.Configuration.ProviderKeys>());

        var error = await Assert.ThrowsAsync<MissingApiKeyException>(() => planner.PlanAsync(Spec(), CancellationToken.None));

        Assert.Contains("Providers__ComfyUI__Url", error.Message, StringComparison.Ordinal);
        Assert.Contains("your own ComfyUI server", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_deletes_a_pending_prompt_and_interrupts_a_running_one()
    {
        _server.RunTime = TimeSpan.FromSeconds(30);
        var request = (await PlanAsync()).Request!;
        var running = await Client.SubmitAsync(request, CancellationToken.None);
        var pending = await Client.SubmitAsync(request, CancellationToken.None);
        Assert.IsType<QueuedStatus>(await Client.GetStatusAsync(pending, CancellationToken.None));

        Assert.Equal(CancelOutcome.Requested, await Client.CancelAsync(pending, CancellationToken.None));
        Assert.Equal(CancelOutcome.Requested, await Client.CancelAsync(running, CancellationToken.None));

        var delete = Assert.Single(_server.Requests, r => r.Method == "POST" && r.Path == "/queue");
        Assert.Equal(pending.RequestId, (string?)delete.Json["delete"]![0]);
        Assert.Single(_server.Requests, r => r.Method == "POST" && r.Path == "/interrupt");
        Assert.IsType<CanceledStatus>(await Client.GetStatusAsync(running, CancellationToken.None));
        Assert.IsType<FailedStatus>(await Client.GetStatusAsync(pending, CancellationToken.None));
        Assert.Equal(CancelOutcome.AlreadyCompleted, await Client.CancelAsync(running, CancellationToken.None));
    }

    private GenerationSpec Spec() => new()
    {
        Scene = _scenes.Scene,
        SceneFolder = _scenes.Folder,
        Mode = VisualizerMode.FromAnimation,
        ModelId = "comfyui-wan-vace-depth",
        Seed = 7,
        NegativePrompt = "blurry, warped",
        SendReferences = false,
    };

    private async Task<GenerationPlan> PlanAsync() =>
        await new GenerationPlanner(ModelCatalog.Default, keys: null).PlanAsync(Spec(), CancellationToken.None);

    private async Task<HostedJobStatus> WaitAsync(SubmittedJob job)
    {
        var until = DateTimeOffset.UtcNow.AddSeconds(30);
        while (true)
        {
            var status = await Client.GetStatusAsync(job, CancellationToken.None);
            if (status.IsTerminal || DateTimeOffset.UtcNow > until)
            {
                return status;
            }

            await Task.Delay(100);
        }
    }
}
