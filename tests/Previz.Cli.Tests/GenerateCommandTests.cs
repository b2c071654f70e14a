using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Previz.Providers.Generation;
using Previz.Rendering.Video;
using Previz.Testing;

namespace Previz.Cli.Tests;

public sealed class GenerateCommandTests : IDisposable
{
    private const string Key = "fal-cli-test-key-9f8e7d6c5b4a";
    private const string RunwayKey = "key_runway_cli_test_0011223344";
    private const string LumaKey = "luma-api-test-0123456789";
    private const string RequestId = "0b9d6a1c-cli-test";
    private const string KlingEndpoint = "fal-ai/kling-video/v2.1/pro/image-to-video";

    private readonly string _folder = Directory.CreateTempSubdirectory("previz-generate-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Generate_runs_a_fal_model_end_to_end_and_writes_a_playable_mp4_of_the_shots_length_with_provenance()
    {
        // The breakaway shot lasts 4 s; Kling 2.1 Pro makes 5 s clips, so the vendor's clip is trimmed to 4 s.
        await using var fal = await LoopbackVendor.StartAsync(TestClip.Unfinished(5));
        fal.NewRequestId = () => RequestId;
        fal.QueuePosition = 2;
        fal.Statuses.AddRange([() => FalReplies.Queued(1), () => FalReplies.InProgress("Generating video 40%"), FalReplies.Completed]);
        var output = Path.Combine(_folder, "breakaway.mp4");

        var run = await CliRun.With(Configuration(fal), "generate", Repository.Sample("stadium.previz.json"), "--shot", "breakaway",
            "--mode", "start-frame", "--model", "kling-2.1-pro", "--seed", "11", "--out", output);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(Path.GetFullPath(output), run.Stdout.Trim());
        var probe = await MediaTool.Default.ProbeAsync(output, CancellationToken.None);
        Assert.Equal("h264", probe.Codec);
        Assert.Equal("yuv420p", probe.PixelFormat);
        Assert.InRange(probe.DurationSeconds, 4 - (1 / 24.0), 4 + (1 / 24.0));
        Assert.InRange(probe.FrameCount, 95, 97);
        Assert.Equal((320, 180), (probe.Width, probe.Height));
        // +faststart: the index comes before the media data.
        var bytes = await File.ReadAllBytesAsync(output);
        Assert.True(IndexOf(bytes, "moov"u8) < IndexOf(bytes, "mdat"u8));

        // The vendor saw fal's protocol: an upload of the rendered start frame, then one submit using its file_url.
        var body = SubmittedBody(fal, "/queue/" + KlingEndpoint, "Key " + Key);
        var start = UploadIn(fal, body, "image_url");
        Assert.Equal("5", (string?)body["duration"]);
        // Kling 2.x i2v on fal has no aspect_ratio, seed or audio field (fal-js EndpointTypeMap): none is sent.
        Assert.Equal(["duration", "image_url", "prompt"], body.Select(p => p.Key).Order());
        Assert.False(body.ContainsKey("seed"));
        Assert.Equal("start.png", start.Name);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, start.Content[..4]);
        Assert.Null(Assert.Single(fal.Requests, r => r.Path.StartsWith("/upload/", StringComparison.Ordinal)).Header("Authorization"));

        // The live status line showed the queue position and the vendor's log.
        Assert.Contains("position 1 in the queue", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Generating video 40%", run.Stderr, StringComparison.Ordinal);

        // Provenance beside the MP4, without the key.
        var provenanceFile = output + ".json";
        var text = await File.ReadAllTextAsync(provenanceFile);
        Assert.DoesNotContain(Key, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, run.Stderr + run.Stdout, StringComparison.Ordinal);
        var provenance = GenerationProvenance.FromJson(text);
        Assert.Equal(RequestId, provenance.RequestId);
        Assert.Equal("kling-2.1-pro", provenance.ModelId);
        Assert.Equal("start-frame", provenance.Mode);
        Assert.Equal("breakaway", provenance.ShotId);
        Assert.Equal("fal-ai/kling-video/v2.1/pro/image-to-video", provenance.VendorEndpoint);
        Assert.Equal(5, provenance.Options.ClipSeconds);
        Assert.Equal(4, provenance.Options.OutputSeconds);
        Assert.Equal(11, provenance.Seed);
        Assert.Equal((string?)body["prompt"], provenance.Prompt.Text);
        Assert.Equal(0.49m, provenance.Estimate.Total);
        Assert.StartsWith("sha256:", provenance.SceneContentHash, StringComparison.Ordinal);
        Assert.InRange(provenance.Output!.DurationSeconds, 4 - (1 / 24.0), 4 + (1 / 24.0));
        Assert.Equal(5, provenance.Output.SourceDurationSeconds, 1);
        Assert.Contains(provenance.Notes, n => n.Contains("seed 11", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dry_run_prints_the_exact_vendor_body_with_upload_placeholders_and_sends_nothing()
    {
        await using var fal = await LoopbackVendor.StartAsync();

        var run = await CliRun.With(Configuration(fal), "generate", Repository.Sample("stadium.previz.json"), "--shot", "breakaway",
            "--mode", "start-end", "--model", "veo-3.1-fast", "--audio", "--dry-run");

        Assert.True(run.ExitCode == 0, run.Stderr);
        var json = JsonNode.Parse(run.Stdout)!.AsObject();
        Assert.Equal("fal", (string?)json["provider"]);
        Assert.Equal("fal-ai/veo3.1/fast/first-last-frame-to-video", (string?)json["endpoint"]);
        var body = json["body"]!.AsObject();
        Assert.StartsWith("<upload start.png: image/png 1280×720", (string?)body["first_frame_url"], StringComparison.Ordinal);
        Assert.StartsWith("<upload end.png: image/png 1280×720", (string?)body["last_frame_url"], StringComparison.Ordinal);
        Assert.Equal("4s", (string?)body["duration"]);
        Assert.Equal("16:9", (string?)body["aspect_ratio"]);
        Assert.Equal("720p", (string?)body["resolution"]);
        Assert.True((bool)body["generate_audio"]!);
        Assert.Equal(0.60m, (decimal)json["estimate"]!);
        Assert.DoesNotContain(Key, run.Stdout + run.Stderr, StringComparison.Ordinal);
        Assert.Empty(fal.Requests);
    }

    [Fact]
    public async Task Dry_run_of_wan_vace_depth_prints_the_guide_video_placeholder_in_video_url_and_sends_nothing()
    {
        await using var fal = await LoopbackVendor.StartAsync();

        var run = await CliRun.With(Configuration(fal), "generate", Repository.Sample("stadium.previz.json"), "--shot", "establishing",
            "--mode", "from-animation", "--model", "wan-2.2-vace-depth", "--seed", "5", "--dry-run");

        Assert.True(run.ExitCode == 0, run.Stderr);
        var json = JsonNode.Parse(run.Stdout)!.AsObject();
        Assert.Equal("fal-ai/wan-22-vace-fun-a14b/depth", (string?)json["endpoint"]);
        var body = json["body"]!.AsObject();
        // The 8 s shot at Wan's 16 fps: frames at 0 … 8 s = 129.
        Assert.StartsWith("<upload guide-depth.mp4: video/mp4 1280×720, 129 frames at 16 fps", (string?)body["video_url"], StringComparison.Ordinal);
        Assert.Equal(["aspect_ratio", "match_input_frames_per_second", "match_input_num_frames", "preprocess", "prompt", "resolution", "seed", "video_url"], body.Select(p => p.Key).Order());
        Assert.False((bool)body["preprocess"]!);
        Assert.Equal(5, (int)body["seed"]!);
        // 129 frames counted at 16 fps × $0.10.
        Assert.Equal(0.80625m, (decimal)json["estimate"]!);
        Assert.Contains("guide video: depth pass of shot establishing → 1280×720, 129 frames at 16 fps", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(fal.Requests);
    }

    [Fact]
    public async Task Generate_with_wan_vace_depth_uploads_the_depth_guide_and_records_it_in_the_provenance()
    {
        await using var fal = await LoopbackVendor.StartAsync(TestClip.Unfinished(9));
        var output = Path.Combine(_folder, "wan.mp4");

        var run = await CliRun.With(Configuration(fal), "generate", Repository.Sample("stadium.previz.json"), "--shot", "establishing",
            "--mode", "from-animation", "--model", "wan-2.2-vace-depth", "--out", output);

        Assert.True(run.ExitCode == 0, run.Stderr);
        var body = Assert.Single(fal.RequestsTo("POST", "/queue/fal-ai/wan-22-vace-fun-a14b/depth")).Json;
        var guide = UploadIn(fal, body, "video_url");
        Assert.Equal(("guide-depth.mp4", "video/mp4"), (guide.Name, guide.ContentType));
        Assert.False((bool)body["preprocess"]!);
        Assert.True((bool)body["match_input_num_frames"]!);
        Assert.False(body.ContainsKey("first_frame_url"));
        var probe = await ProbeGuideAsync(guide.Content, "uploaded-guide.mp4");
        Assert.Equal((1280, 720, 129), (probe.Width, probe.Height, probe.FrameCount));
        Assert.Equal(16, probe.AverageFrameRate, 3);

        var provenance = GenerationProvenance.FromJson(await File.ReadAllTextAsync(output + ".json"));
        Assert.Equal(new PlannedGuide("depth", "depth pass of shot establishing", "guide-depth.mp4", "/video_url", 1280, 720, 16, 129, guide.Content.Length), provenance.Guide);
        var clip = await MediaTool.Default.ProbeAsync(output, CancellationToken.None);
        Assert.InRange(clip.DurationSeconds, 8 - (1 / 24.0), 8 + (1 / 24.0));
    }

    [Fact]
    public async Task Generate_with_runway_aleph_2_uploads_the_shaded_guide_and_the_given_frames_as_keyframes_to_runway()
    {
        await using var runway = await LoopbackVendor.StartAsync(TestClip.Unfinished(9));
        var output = Path.Combine(_folder, "aleph.mp4");

        var run = await CliRun.With(Configuration(runway, "RUNWAYML_API_SECRET", RunwayKey), "generate", Repository.Sample("stadium.previz.json"),
            "--shot", "establishing", "--mode", "from-animation", "--model", "runway-aleph-2", "--seed", "9",
            "--start-frame", Repository.Sample("refs/ball-front.png"), "--end-frame", Repository.Sample("refs/bottle-front.png"), "--out", output);

        Assert.True(run.ExitCode == 0, run.Stderr);
        var body = SubmittedBody(runway, "/runway/v1/video_to_video", "Bearer " + RunwayKey);
        Assert.Equal(["keyframes", "model", "promptText", "seed", "videoUri"], body.AsObject().Select(p => p.Key).Order());
        // The given pictures pinned to the guide's first and last frame (0 s and 8 s), each uploaded to Runway.
        var keyframes = body["keyframes"]!.AsArray();
        Assert.Equal([0.0, 8.0], keyframes.Select(k => (double)k!["seconds"]!));
        Assert.All(keyframes, k => Assert.True(runway.Uploads.TryGetValue((string?)k!["uri"] ?? string.Empty, out var picture) && picture.ContentType.StartsWith("image/", StringComparison.Ordinal), $"keyframe {k} is not an uploaded picture"));
        Assert.Equal("aleph2", (string?)body["model"]);
        Assert.Equal(9, (int)body["seed"]!);
        var guide = UploadIn(runway, body, "videoUri");
        Assert.Equal(("guide-shaded.mp4", "video/mp4"), (guide.Name, guide.ContentType));
        // The 8 s shot at 24 fps: frames at 0 … 8 s = 193.
        var probe = await ProbeGuideAsync(guide.Content, "uploaded-aleph-guide.mp4");
        Assert.Equal((1280, 720, 193), (probe.Width, probe.Height, probe.FrameCount));
        Assert.Equal(24, probe.AverageFrameRate, 3);

        var provenance = GenerationProvenance.FromJson(await File.ReadAllTextAsync(output + ".json"));
        Assert.Equal(new PlannedGuide("shaded", "shaded pass of shot establishing", "guide-shaded.mp4", "/videoUri", 1280, 720, 24, 193, guide.Content.Length), provenance.Guide);
        Assert.Equal("/v1/video_to_video", provenance.VendorEndpoint);
        // 193 frames at 24 fps = 8.04 s of video, 9 whole seconds × $0.28.
        Assert.Equal(2.52m, provenance.Estimate.Total);
        var clip = await MediaTool.Default.ProbeAsync(output, CancellationToken.None);
        Assert.InRange(clip.DurationSeconds, 8 - (1 / 24.0), 8 + (1 / 24.0));
    }

    [Fact]
    public async Task Generate_with_seedance_2_on_runway_sends_the_shaded_guide_as_prompt_video()
    {
        await using var runway = await LoopbackVendor.StartAsync(TestClip.Unfinished(5));
        var output = Path.Combine(_folder, "seedance.mp4");

        var run = await CliRun.With(Configuration(runway, "RUNWAYML_API_SECRET", RunwayKey), "generate", Repository.Sample("stadium.previz.json"),
            "--shot", "breakaway", "--mode", "from-animation", "--model", "seedance-2.0-runway-v2v", "--out", output);

        Assert.True(run.ExitCode == 0, run.Stderr);
        var body = Assert.Single(runway.RequestsTo("POST", "/runway/v1/video_to_video")).Json;
        Assert.Equal(["audio", "model", "promptText", "promptVideo"], body.AsObject().Select(p => p.Key).Order());
        Assert.Equal("seedance2", (string?)body["model"]);
        Assert.False((bool)body["audio"]!);
        var guide = UploadIn(runway, body, "promptVideo");
        // The 4 s breakaway shot at 24 fps: frames at 0 … 4 s = 97, framed at its own 2.39:1 with the 720p short edge.
        var probe = await ProbeGuideAsync(guide.Content, "uploaded-seedance-guide.mp4");
        Assert.Equal((1720, 720, 97), (probe.Width, probe.Height, probe.FrameCount));
        var provenance = GenerationProvenance.FromJson(await File.ReadAllTextAsync(output + ".json"));
        Assert.Equal(("shaded", "shaded pass of shot breakaway", "/promptVideo"), (provenance.Guide!.Pass, provenance.Guide.Source, provenance.Guide.Field));
        var clip = await MediaTool.Default.ProbeAsync(output, CancellationToken.None);
        Assert.InRange(clip.DurationSeconds, 4 - (1 / 24.0), 4 + (1 / 24.0));
    }

    [Fact]
    public async Task Generate_with_luma_ray_3_2_restyle_uploads_the_shaded_guide_to_fal_and_asks_for_the_5_s_that_cover_the_shot()
    {
        await using var fal = await LoopbackVendor.StartAsync(TestClip.Unfinished(5));
        var output = Path.Combine(_folder, "ray.mp4");

        var run = await CliRun.With(Configuration(fal), "generate", Repository.Sample("stadium.previz.json"), "--shot", "breakaway",
            "--mode", "from-animation", "--model", "luma-ray-3.2-v2v", "--seed", "4", "--out", output);

        Assert.True(run.ExitCode == 0, run.Stderr);
        var body = SubmittedBody(fal, "/queue/luma/agent/ray/v3.2/video-to-video", "Key " + Key);
        // fal's AgentRayV32VideoToVideoInput has no seed, aspect or negative prompt: only these are sent.
        Assert.Equal(["duration", "prompt", "resolution", "video_url"], body.AsObject().Select(p => p.Key).Order());
        Assert.Equal(("5s", "720p"), ((string?)body["duration"], (string?)body["resolution"]));
        var guide = UploadIn(fal, body, "video_url");
        Assert.Equal(("guide-shaded.mp4", "video/mp4"), (guide.Name, guide.ContentType));
        // The 4 s breakaway shot on Ray's 24 fps grid: frames at 0 … 4 s = 97, framed at its own 2.39:1 with the 720p short edge.
        var probe = await ProbeGuideAsync(guide.Content, "uploaded-ray-guide.mp4");
        Assert.Equal((1720, 720, 97), (probe.Width, probe.Height, probe.FrameCount));
        Assert.Equal(24, probe.AverageFrameRate, 3);

        var provenance = GenerationProvenance.FromJson(await File.ReadAllTextAsync(output + ".json"));
        Assert.Equal(new PlannedGuide("shaded", "shaded pass of shot breakaway", "guide-shaded.mp4", "/video_url", 1720, 720, 24, 97, guide.Content.Length), provenance.Guide);
        Assert.Equal("luma/agent/ray/v3.2/video-to-video", provenance.VendorEndpoint);
        // One 5 s clip at 720p: $1.08 (fal's llms.txt), trimmed to the 4 s shot.
        Assert.Equal(1.08m, provenance.Estimate.Total);
        Assert.Equal((5, 4), (provenance.Options.ClipSeconds, provenance.Options.OutputSeconds));
        Assert.Contains(provenance.Notes, n => n.Contains("seed 4", StringComparison.Ordinal));
        var clip = await MediaTool.Default.ProbeAsync(output, CancellationToken.None);
        Assert.InRange(clip.DurationSeconds, 4 - (1 / 24.0), 4 + (1 / 24.0));
    }

    [Fact]
    public async Task Generate_with_kling_motion_control_uploads_the_shaded_guide_and_the_shots_start_frame_to_fal()
    {
        await using var fal = await LoopbackVendor.StartAsync(TestClip.Unfinished(5));
        var output = Path.Combine(_folder, "kling-motion.mp4");

        var run = await CliRun.With(Configuration(fal), "generate", Repository.Sample("stadium.previz.json"), "--shot", "breakaway",
            "--mode", "from-animation", "--model", "kling-2.6-motion-control", "--seed", "4", "--out", output);

        Assert.True(run.ExitCode == 0, run.Stderr);
        var body = SubmittedBody(fal, "/queue/fal-ai/kling-video/v2.6/pro/motion-control", "Key " + Key);
        // fal's KlingVideoV26ProMotionControlInput has no length, aspect, resolution, seed or negative prompt: only these are sent.
        Assert.Equal(["character_orientation", "image_url", "keep_original_sound", "prompt", "video_url"], body.AsObject().Select(p => p.Key).Order());
        Assert.Equal(("video", false), ((string?)body["character_orientation"], (bool?)body["keep_original_sound"]));
        var guide = UploadIn(fal, body, "video_url");
        Assert.Equal(("guide-shaded.mp4", "video/mp4"), (guide.Name, guide.ContentType));
        var start = UploadIn(fal, body, "image_url");
        Assert.Equal(("start.png", "image/png"), (start.Name, start.ContentType));
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, start.Content[..4]);
        // The 4 s breakaway shot at 24 fps: frames at 0 … 4 s = 97, framed at its own 2.39:1 with the 720p short edge.
        var probe = await ProbeGuideAsync(guide.Content, "uploaded-kling-guide.mp4");
        Assert.Equal((1720, 720, 97), (probe.Width, probe.Height, probe.FrameCount));
        Assert.Equal(24, probe.AverageFrameRate, 3);

        var provenance = GenerationProvenance.FromJson(await File.ReadAllTextAsync(output + ".json"));
        Assert.Equal(new PlannedGuide("shaded", "shaded pass of shot breakaway", "guide-shaded.mp4", "/video_url", 1720, 720, 24, 97, guide.Content.Length), provenance.Guide);
        var input = Assert.Single(provenance.Inputs);
        Assert.Equal(("start-frame", "Direct Render capture (shaded) at 0 s into the shot", "/image_url", 1720, 720, start.Content.Length),
            (input.Role, input.Source, input.Field, input.Width, input.Height, input.Bytes));
        Assert.Equal("fal-ai/kling-video/v2.6/pro/motion-control", provenance.VendorEndpoint);
        // No length field: the clip is the guide's 97 frames (4.04 s), estimated as 5 s at $0.112/s, trimmed to the 4 s shot.
        Assert.Equal(0.56m, provenance.Estimate.Total);
        Assert.Equal((97 / 24.0, 4), (provenance.Options.ClipSeconds, provenance.Options.OutputSeconds));
        Assert.Contains(provenance.Notes, n => n.Contains("seed 4", StringComparison.Ordinal));
        var clip = await MediaTool.Default.ProbeAsync(output, CancellationToken.None);
        Assert.InRange(clip.DurationSeconds, 4 - (1 / 24.0), 4 + (1 / 24.0));
    }

    [Fact]
    public async Task Generate_with_gemini_omni_flash_from_animation_uploads_the_shaded_guide_to_fals_edit_and_sends_only_the_prompt_beside_it()
    {
        await using var fal = await LoopbackVendor.StartAsync(TestClip.Unfinished(5));
        var output = Path.Combine(_folder, "omni-edit.mp4");

        var run = await CliRun.With(Configuration(fal), "generate", Repository.Sample("stadium.previz.json"), "--shot", "breakaway",
            "--mode", "from-animation", "--model", "gemini-omni-flash", "--seed", "4", "--out", output);

        Assert.True(run.ExitCode == 0, run.Stderr);
        var body = SubmittedBody(fal, "/queue/google/gemini-omni-flash/edit", "Key " + Key);
        // fal's OmniFlashVideoEditInput has only prompt and video_url: no length (the clip follows the video), aspect or seed.
        Assert.Equal(["prompt", "video_url"], body.AsObject().Select(p => p.Key).Order());
        Assert.True(fal.Uploads.TryGetValue((string?)body["video_url"] ?? string.Empty, out var guide), $"video_url {body["video_url"]} is not an upload");
        Assert.Equal(("guide-shaded.mp4", "video/mp4"), (guide.Name, guide.ContentType));
        Assert.Single(fal.Uploads);
        // The 4 s breakaway shot at 24 fps: frames at 0 … 4 s = 97; its 2.39:1 is framed at 16:9, the nearest the model makes, at 720p.
        var probe = await ProbeGuideAsync(guide.Content, "uploaded-omni-guide.mp4");
        Assert.Equal((1280, 720, 97), (probe.Width, probe.Height, probe.FrameCount));
        Assert.Equal(24, probe.AverageFrameRate, 3);

        var provenance = GenerationProvenance.FromJson(await File.ReadAllTextAsync(output + ".json"));
        Assert.Equal(new PlannedGuide("shaded", "shaded pass of shot breakaway", "guide-shaded.mp4", "/video_url", 1280, 720, 24, 97, guide.Content.Length), provenance.Guide);
        Assert.Empty(provenance.Inputs);
        Assert.Equal("google/gemini-omni-flash/edit", provenance.VendorEndpoint);
        // No length field: the clip is the guide's 97 frames (4.04 s), estimated as 5 s at fal's approximate $0.13/s, trimmed to the 4 s shot.
        Assert.Equal(0.65m, provenance.Estimate.Total);
        Assert.Equal((97 / 24.0, 4), (provenance.Options.ClipSeconds, provenance.Options.OutputSeconds));
        Assert.Contains(provenance.Notes, n => n.Contains("seed 4", StringComparison.Ordinal));
        var clip = await MediaTool.Default.ProbeAsync(output, CancellationToken.None);
        Assert.InRange(clip.DurationSeconds, 4 - (1 / 24.0), 4 + (1 / 24.0));
    }

    [Fact]
    public async Task Generate_with_gemini_omni_flash_start_frame_sends_the_shots_start_and_its_8_s_as_an_integer_to_fals_image_to_video()
    {
        await using var fal = await LoopbackVendor.StartAsync(TestClip.Unfinished(8));
        var output = Path.Combine(_folder, "omni-start.mp4");

        var run = await CliRun.With(Configuration(fal), "generate", Repository.Sample("stadium.previz.json"), "--shot", "establishing",
            "--mode", "start-frame", "--model", "gemini-omni-flash", "--out", output);

        Assert.True(run.ExitCode == 0, run.Stderr);
        var body = SubmittedBody(fal, "/queue/google/gemini-omni-flash/image-to-video", "Key " + Key);
        // fal's OmniFlashImageToVideoInput: prompt, image_url, aspect_ratio "16:9" | "9:16", duration an integer of 3–10.
        Assert.Equal(["aspect_ratio", "duration", "image_url", "prompt"], body.AsObject().Select(p => p.Key).Order());
        Assert.Equal(System.Text.Json.JsonValueKind.Number, body["duration"]!.GetValueKind());
        Assert.Equal((8, "16:9"), ((int)body["duration"]!, (string?)body["aspect_ratio"]));
        Assert.True(fal.Uploads.TryGetValue((string?)body["image_url"] ?? string.Empty, out var start), $"image_url {body["image_url"]} is not an upload");
        Assert.Equal(("start.png", "image/png"), (start.Name, start.ContentType));
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, start.Content[..4]);

        var provenance = GenerationProvenance.FromJson(await File.ReadAllTextAsync(output + ".json"));
        Assert.Equal("google/gemini-omni-flash/image-to-video", provenance.VendorEndpoint);
        var input = Assert.Single(provenance.Inputs);
        Assert.Equal(("start-frame", "Direct Render capture (shaded) at 0 s into the shot", "/image_url", 1280, 720), (input.Role, input.Source, input.Field, input.Width, input.Height));
        Assert.Null(provenance.Guide);
        // 8 s at fal's approximate $0.13 per second of 720p video.
        Assert.Equal(1.04m, provenance.Estimate.Total);
        Assert.Equal((8, 8), (provenance.Options.ClipSeconds, provenance.Options.OutputSeconds));
        var clip = await MediaTool.Default.ProbeAsync(output, CancellationToken.None);
        Assert.InRange(clip.DurationSeconds, 8 - (1 / 24.0), 8 + (1 / 24.0));
    }

    [Fact]
    public async Task Generate_with_gemini_omni_flash_and_references_sends_the_balls_picture_to_fals_reference_to_video_and_no_frame()
    {
        await using var fal = await LoopbackVendor.StartAsync(TestClip.Unfinished(8));
        var output = Path.Combine(_folder, "omni-references.mp4");

        var run = await CliRun.With(Configuration(fal), "generate", Repository.Sample("stadium.previz.json"), "--shot", "establishing",
            "--mode", "start-frame", "--model", "gemini-omni-flash", "--references", "--out", output);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("reference sent: ball", run.Stderr + run.Stdout, StringComparison.Ordinal);
        var body = SubmittedBody(fal, "/queue/google/gemini-omni-flash/reference-to-video", "Key " + Key);
        // fal's OmniFlashReferenceToVideoInput: prompt, image_urls, aspect_ratio, duration; no image_url.
        Assert.Equal(["aspect_ratio", "duration", "image_urls", "prompt"], body.AsObject().Select(p => p.Key).Order());
        var url = (string?)Assert.Single(body["image_urls"]!.AsArray());
        Assert.True(fal.Uploads.TryGetValue(url ?? string.Empty, out var picture), $"image_urls[0] {url} is not an upload");
        Assert.Equal("image/png", picture.ContentType);
        var provenance = GenerationProvenance.FromJson(await File.ReadAllTextAsync(output + ".json"));
        Assert.Equal("google/gemini-omni-flash/reference-to-video", provenance.VendorEndpoint);
        Assert.Equal(("reference", "/image_urls/0"), (Assert.Single(provenance.Inputs).Role, provenance.Inputs[0].Field));
    }

    [Fact]
    public async Task Generate_from_animation_on_lumas_own_api_sends_the_shaded_guide_inline_and_writes_the_clip()
    {
        await using var luma = await LoopbackVendor.StartAsync(TestClip.Unfinished(5));
        var output = Path.Combine(_folder, "luma.mp4");

        var run = await CliRun.With(Configuration(luma, "LUMA_AGENTS_API_KEY", LumaKey), "generate", Repository.Sample("stadium.previz.json"),
            "--shot", "breakaway", "--mode", "from-animation", "--model", "luma-ray-3.2-edit-luma", "--out", output);

        Assert.True(run.ExitCode == 0, run.Stderr);
        var body = SubmittedBody(luma, "/luma/v1/generations", "Bearer " + LumaKey);
        // lumalabs/luma-agents-python GenerationCreateParams: model, type, prompt, source (ImageRef), video (resolution, edit).
        Assert.Equal(["model", "prompt", "source", "type", "video"], body.AsObject().Select(p => p.Key).Order());
        Assert.Equal(("ray-3.2", "video_edit", "720p", true), ((string?)body["model"], (string?)body["type"], (string?)body["video"]!["resolution"], (bool?)body["video"]!["edit"]!["auto_controls"]));
        Assert.Equal("video/mp4", (string?)body["source"]!["media_type"]);
        var guide = Convert.FromBase64String((string?)body["source"]!["data"] ?? string.Empty);
        // The 4 s breakaway shot on Ray's 24 fps grid: 97 frames, framed at its own 2.39:1 with the 720p short edge.
        var probe = await ProbeGuideAsync(guide, "inline-luma-guide.mp4");
        Assert.Equal((1720, 720, 97), (probe.Width, probe.Height, probe.FrameCount));
        Assert.Equal(24, probe.AverageFrameRate, 3);
        Assert.Empty(luma.Uploads);

        var provenance = GenerationProvenance.FromJson(await File.ReadAllTextAsync(output + ".json"));
        Assert.Equal("luma", provenance.Provider);
        Assert.Equal("generations", provenance.VendorEndpoint);
        Assert.Equal(new PlannedGuide("shaded", "shaded pass of shot breakaway", "guide-shaded.mp4", "/source", 1720, 720, 24, 97, guide.Length), provenance.Guide);
        // One started 5 s block at 720p (unverified price, see the catalog).
        Assert.Equal(1.08m, provenance.Estimate.Total);
        var clip = await MediaTool.Default.ProbeAsync(output, CancellationToken.None);
        Assert.InRange(clip.DurationSeconds, 4 - (1 / 24.0), 4 + (1 / 24.0));
        Assert.DoesNotContain(LumaKey, run.Stdout + run.Stderr + await File.ReadAllTextAsync(output + ".json"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_on_a_comfyui_server_runs_the_workflow_with_the_depth_guide_and_writes_the_clip_for_free()
    {
        await using var comfy = await LoopbackComfyUI.StartAsync(TestClip.Unfinished(5));
        var output = Path.Combine(_folder, "comfy.mp4");
        var settings = new Dictionary<string, string?> { ["Providers:ComfyUI:Url"] = comfy.BaseUri.AbsoluteUri, ["Providers:Wait:PollInterval"] = "00:00:00.050" };

        var run = await CliRun.With(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), "generate", Repository.Sample("stadium.previz.json"),
            "--shot", "breakaway", "--mode", "from-animation", "--model", "comfyui-wan-vace-depth", "--seed", "3", "--out", output);

        Assert.True(run.ExitCode == 0, run.Stderr);
        var workflow = Assert.Single(comfy.Workflows);
        var guide = Assert.Single(comfy.Inputs.Values);
        Assert.Equal(guide.Name, (string?)workflow["6"]!["inputs"]!["file"]);
        Assert.Equal(3, (long)workflow["9"]!["inputs"]!["seed"]!);
        var probe = await MediaTool.Default.ProbeAsync(output, CancellationToken.None);
        Assert.InRange(probe.DurationSeconds, 4 - (1 / 24.0), 4 + (1 / 24.0));
        var provenance = GenerationProvenance.FromJson(await File.ReadAllTextAsync(output + ".json"));
        Assert.Equal("comfyui", provenance.Provider);
        Assert.Equal(0, provenance.Estimate.Total);
        Assert.Equal("depth", provenance.Guide!.Pass);
        Assert.Equal(((int)workflow["8"]!["inputs"]!["width"]!, (int)workflow["8"]!["inputs"]!["length"]!), (provenance.Guide.Width, provenance.Guide.Frames));
    }

    [Fact]
    public async Task Generate_on_comfyui_without_an_address_exits_2_naming_the_setting()
    {
        var run = await CliRun.With(new ConfigurationBuilder().Build(), "generate", Repository.Sample("stadium.previz.json"),
            "--shot", "breakaway", "--mode", "from-animation", "--model", "comfyui-wan-vace-depth", "--out", Path.Combine(_folder, "none.mp4"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Providers__ComfyUI__Url", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_key_exits_2_naming_the_variable_before_anything_is_sent()
    {
        await using var fal = await LoopbackVendor.StartAsync();

        var run = await CliRun.With(Configuration(fal, keyVariable: null), "generate", Repository.Sample("stadium.previz.json"),
            "--mode", "start-frame", "--model", "kling-2.1-pro", "--out", Path.Combine(_folder, "x.mp4"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("FAL_KEY", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(fal.Requests);
        Assert.False(File.Exists(Path.Combine(_folder, "x.mp4")));
    }

    [Fact]
    public async Task Direct_render_goes_through_the_same_command_without_a_key()
    {
        var output = Path.Combine(_folder, "direct.mp4");

        var run = await CliRun.With(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build(), "generate", Repository.Sample("stadium.previz.json"),
            "--shot", "breakaway", "--model", "direct-render", "--out", output);

        Assert.True(run.ExitCode == 0, run.Stderr);
        var probe = await MediaTool.Default.ProbeAsync(output, CancellationToken.None);
        Assert.Equal("h264", probe.Codec);
        Assert.Equal(96, probe.FrameCount);
        Assert.Equal(4, probe.DurationSeconds, 2);
        var provenance = GenerationProvenance.FromJson(await File.ReadAllTextAsync(output + ".json"));
        Assert.Equal("direct-render", provenance.Provider);
        Assert.Null(provenance.RequestId);
        Assert.Equal(0, provenance.Estimate.Total);
    }

    [Fact]
    public async Task Unsupported_options_exit_2_with_the_models_accepted_values()
    {
        var run = await CliRun.With(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build(), "generate", Repository.Sample("stadium.previz.json"),
            "--model", "kling-2.1-pro", "--duration", "7", "--dry-run");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("5 s, 10 s", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Image_mode_writes_a_png_with_provenance()
    {
        var output = Path.Combine(_folder, "still.png");

        var run = await CliRun.With(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build(), "generate", Repository.Sample("stadium.previz.json"),
            "--mode", "image", "--model", "direct-render-still", "--out", output);

        Assert.True(run.ExitCode == 0, run.Stderr);
        var info = SixLabors.ImageSharp.Image.Identify(output);
        Assert.Equal((1280, 720), (info.Width, info.Height));
        Assert.Equal("image", GenerationProvenance.FromJson(await File.ReadAllTextAsync(output + ".json")).Output!.Kind);
    }

    [Fact]
    public async Task A_vendor_result_that_is_not_a_video_is_refused_and_nothing_is_written()
    {
        var plan = await new GenerationPlanner(Core.Catalog.ModelCatalog.Default, keys: null).PlanAsync(new GenerationSpec
        {
            Scene = (await Scenes.SceneFiles.LoadAsync(Repository.Sample("stadium.previz.json"), CancellationToken.None)).Scene,
            ShotId = "breakaway",
            ModelId = "direct-render",
        }, CancellationToken.None);
        var bogus = Path.Combine(_folder, "bogus.mp4");
        await File.WriteAllTextAsync(bogus, "<html>expired</html>");
        var output = Path.Combine(_folder, "never.mp4");

        await Assert.ThrowsAsync<Providers.Errors.UnexpectedMediaException>(() => new GenerationFinisher().FinishAsync(bogus, plan, output, CancellationToken.None));

        Assert.False(File.Exists(output));
        Assert.Empty(Directory.GetFiles(_folder, "*.partial"));
    }

    /// <summary>
    /// Configuration pointing the providers at <paramref name="vendor"/>, as environment variables would, with
    /// <paramref name="key"/> in <paramref name="keyVariable"/> (none when that is null).
    /// </summary>
    private static IConfiguration Configuration(LoopbackVendor vendor, string? keyVariable = "FAL_KEY", string key = Key)
    {
        var settings = vendor.ProviderSettings;
        settings["Providers:Wait:PollInterval"] = "00:00:00.050";
        settings["Providers:Wait:MaxWait"] = "00:01:00";
        if (keyVariable is not null)
        {
            settings[keyVariable] = key;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    }

    /// <summary>The one body submitted to <paramref name="path"/> of the stand-in, which must carry <paramref name="authorization"/>.</summary>
    private static JsonObject SubmittedBody(LoopbackVendor vendor, string path, string authorization)
    {
        var submit = Assert.Single(vendor.RequestsTo("POST", path));
        Assert.Equal(authorization, submit.Header("Authorization"));
        return submit.Json;
    }

    /// <summary>The file a body field points at, as the stand-in received it: the field must hold the URL of an upload.</summary>
    private static UploadedFile UploadIn(LoopbackVendor vendor, JsonNode body, string field)
    {
        Assert.True(vendor.Uploads.TryGetValue((string?)body[field] ?? string.Empty, out var upload), $"{field} {body[field]} is not an upload");
        return upload;
    }

    /// <summary>The packets of a guide video as the vendor received it, written out as <paramref name="name"/>.</summary>
    private async Task<VideoProbe> ProbeGuideAsync(byte[] content, string name)
    {
        var path = Path.Combine(_folder, name);
        await File.WriteAllBytesAsync(path, content);
        return await MediaTool.Default.ProbePacketsAsync(path, CancellationToken.None);
    }

    private static int IndexOf(byte[] haystack, ReadOnlySpan<byte> needle) => haystack.AsSpan().IndexOf(needle);
}
