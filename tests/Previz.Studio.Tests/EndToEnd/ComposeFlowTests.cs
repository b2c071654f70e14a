using System.Diagnostics;
using System.Net.Http.Json;
using System.Numerics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Previz.Core.Loading;
using Previz.Core.Modes;
using Previz.Core.Sampling;
using Xunit.Abstractions;

namespace Previz.Studio.Tests.EndToEnd;

/// <summary>
/// A new user builds a two-shot scene from nothing through the studio's controls only, saves it and captures it with
/// Direct Render; the clip is decoded and the box is found where its keys and the camera's keys put it.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ComposeFlowTests(BrowserFixture browser, StudioServer server, ITestOutputHelper output) : IClassFixture<StudioServer>
{
    private static readonly Vector3 BoxStart = new(-2, 0.5f, 2);
    private static readonly Vector3 BoxEnd = new(2, 0.5f, 2);
    private static readonly Vector3 CameraStart = new(-3, 1.6f, 8);
    private static readonly Vector3 CameraEnd = new(3, 1.6f, 8);

    [Fact]
    public async Task A_new_user_composes_keys_saves_and_the_captured_clip_moves_the_box_and_camera_as_keyed()
    {
        await using var session = await BrowserSession.OpenAsync(browser, server, "compose-flow", output);
        var page = session.Page;

        // New scene.
        await session.GotoAsync("/");
        await (await BrowserSession.InteractiveAsync(page.Locator("#new-scene-name"))).FillAsync("Compose flow");
        await (await BrowserSession.InteractiveAsync(Button(page, "New scene"))).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/scenes/[0-9a-f-]{36}$"));
        var sceneUrl = page.Url;
        await WaitForDraftAsync(session);
        await session.StepAsync("new-scene");

        // A box and a person.
        await (await BrowserSession.InteractiveAsync(Button(page, "Add object"))).ClickAsync();
        await Assertions.Expect(page.Locator("button.target[data-object-id=box]")).ToBeVisibleAsync();
        await BrowserSession.SelectAsync(page.Locator("#add-kind"), "person");
        await ChangeAsync(page.Locator("#add-height"), "1.7");
        await Button(page, "Add object").ClickAsync();
        await Assertions.Expect(page.Locator("button.target[data-object-id=person]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#target-size-y")).ToHaveValueAsync("1.7");
        await session.StepAsync("box-and-person");

        // Move the box (and make it red, so it can be found in the clip).
        await SelectTargetAsync(page, "button.target[data-object-id=box]");
        await ChangeAsync(page.Locator("#target-color"), "#ff0000");
        await SetVectorAsync(page, "target-position", BoxStart);
        await session.StepAsync("box-moved");

        // The camera keyed at 0 s and 3 s in two places.
        await SelectTargetAsync(page, "button.target[data-camera-id=camera-1]");
        await SetVectorAsync(page, "target-position", CameraStart);
        await Button(page, "Key").ClickAsync();
        await Assertions.Expect(KeysOf(page, "camera:camera-1:position")).ToHaveCountAsync(1);
        await PlayheadAsync(page, 72);
        await SetVectorAsync(page, "target-position", CameraEnd);
        await Assertions.Expect(KeysOf(page, "camera:camera-1:position")).ToHaveCountAsync(2);
        await session.StepAsync("camera-keyed");

        // The box keyed at 0 s and 3 s in two places.
        await SelectTargetAsync(page, "button.target[data-object-id=box]");
        await PlayheadAsync(page, 0);
        await Button(page, "Key").ClickAsync();
        await Assertions.Expect(KeysOf(page, "object:box:position")).ToHaveCountAsync(1);
        await PlayheadAsync(page, 72);
        await Assertions.Expect(page.Locator(".keyed-note")).ToContainTextAsync("sets a key at 3 s");
        await SetVectorAsync(page, "target-position", BoxEnd);
        await Assertions.Expect(KeysOf(page, "object:box:position")).ToHaveCountAsync(2);
        await session.StepAsync("box-keyed");

        // Undo and redo, with the buttons and the keyboard.
        await Button(page, "Undo").ClickAsync();
        await Assertions.Expect(KeysOf(page, "object:box:position")).ToHaveCountAsync(1);
        await Button(page, "Redo").ClickAsync();
        await Assertions.Expect(KeysOf(page, "object:box:position")).ToHaveCountAsync(2);
        await page.Locator("canvas[aria-label='3D viewport']").FocusAsync();
        await page.Keyboard.PressAsync("Control+z");
        await Assertions.Expect(KeysOf(page, "object:box:position")).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("Control+Shift+Z");
        await Assertions.Expect(KeysOf(page, "object:box:position")).ToHaveCountAsync(2);
        await session.StepAsync("undo-redo");

        // Bad input: a clear message beside the field, nothing applied, nothing else lost.
        await BadInputIsRefusedAsync(session);

        // A reload asks first (unsaved edits), then keeps the draft.
        var asked = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            asked.Add(dialog.Type);
            await dialog.AcceptAsync();
        };
        await page.ReloadAsync();
        Assert.Contains("beforeunload", asked);
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        await WaitForDraftAsync(session);
        await Assertions.Expect(page.Locator(".compose-status")).ToContainTextAsync("restored");
        await Assertions.Expect(KeysOf(page, "object:box:position")).ToHaveCountAsync(2);
        await Assertions.Expect(KeysOf(page, "camera:camera-1:position")).ToHaveCountAsync(2);
        await session.StepAsync("reloaded");

        // A second shot, then Save.
        await (await BrowserSession.InteractiveAsync(page.Locator("button.add-shot"))).ClickAsync();
        await Assertions.Expect(page.Locator("button.shot-card")).ToHaveCountAsync(2);
        await Button(page, "Save").ClickAsync();
        await Assertions.Expect(page.Locator(".compose-status")).ToContainTextAsync("Saved as v2");
        // The status can show before the page has moved to the new version's address (a CI run read the old one).
        await page.WaitForURLAsync(url => url != sceneUrl);
        Assert.NotEqual(sceneUrl, page.Url);
        await session.StepAsync("saved");

        // The saved scene holds what was typed.
        var savedId = Guid.Parse(new Regex("/scenes/([0-9a-f-]{36})").Match(page.Url).Groups[1].Value);
        using var client = server.CreateClient();
        var document = await client.GetByteArrayAsync($"/api/scenes/{savedId}/document");
        var scene = SceneReader.Read(document).Scene;
        Assert.Equal(2, scene.Shots.Count);
        var box = scene.FindObject("box")!;
        Assert.Equal([0.0, 3.0], box.Animation.Position.Keys.Select(k => Math.Round(k.Time, 3)));
        Assert.Equal([BoxStart, BoxEnd], box.Animation.Position.Keys.Select(k => k.Value));
        Assert.Equal([CameraStart, CameraEnd], scene.FindCamera("camera-1")!.Animation.Transform.Position.Keys.Select(k => k.Value));

        // Capture Animation of the first shot with Direct Render.
        await page.Locator("button.shot-card[data-shot-id=\"shot-1\"]").ClickAsync();
        await StudioSteps.ChooseAsync(session, VisualizerMode.FromAnimation, "direct-render");
        await StudioSteps.GenerateAsync(session, "Capture Animation");
        var toast = page.Locator(".toast.toast-success");
        await Assertions.Expect(toast).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 180_000 });
        await session.StepAsync("captured");

        // The gallery's clip: the box where the keys put it, seen through the keyed camera.
        var gallery = (await client.GetFromJsonAsync<JsonArray>("/api/gallery"))!;
        var item = gallery.First()!;
        var clip = Path.Combine(Path.GetTempPath(), $"compose-flow-{Guid.NewGuid():N}.mp4");
        try
        {
            await File.WriteAllBytesAsync(clip, await client.GetByteArrayAsync((string)item["downloadUrl"]!));
            var shot = scene.FindShot("shot-1")!;
            var sampler = new PoseSampler(scene);
            var seen = new Dictionary<int, Vector2>();
            foreach (var frame in (int[])[0, 72, 108])
            {
                var (width, height, pixels) = await DecodeFrameAsync(clip, frame);
                var found = RedCentroid(pixels, width, height);
                Assert.True(found is not null, $"no red box in frame {frame}");
                var time = shot.FrameTime(frame);
                var expected = sampler.Camera(shot, time).ProjectToPixel(sampler.ObjectWorld("box", time).Translation, width, height)!.Value;
                output.WriteLine($"frame {frame}: box at ({found.Value.X:0.0}, {found.Value.Y:0.0}), keys say ({expected.X:0.0}, {expected.Y:0.0})");
                Assert.True(Vector2.Distance(found.Value, expected) < 0.03f * width, $"frame {frame}: the box is at {found}, its keys put it at {expected}");
                seen[frame] = found.Value;
            }

            // It moved between the keys (box and camera both), and holds after the last key.
            Assert.True(Vector2.Distance(seen[0], seen[72]) > 0.1f * 1280, $"the box barely moved: {seen[0]} → {seen[72]}");
            Assert.True(Vector2.Distance(seen[72], seen[108]) < 0.01f * 1280, $"the box moved after its last key: {seen[72]} → {seen[108]}");
        }
        finally
        {
            File.Delete(clip);
        }
    }

    private static async Task BadInputIsRefusedAsync(BrowserSession session)
    {
        var page = session.Page;
        var versionBefore = await page.Locator(".compose-status").TextContentAsync();
        foreach (var (field, text, says) in ((string, string, string)[])[
                     ("#shot-duration", "abc", "is not a number"),
                     ("#shot-duration", "0", "duration"),
                     ("#shot-duration", "-2", "duration"),
                     ("#shot-fps", "0", "fps")])
        {
            await ChangeAsync(page.Locator(field), text);
            var error = page.Locator($"{field}-error");
            await Assertions.Expect(error).ToBeVisibleAsync();
            await Assertions.Expect(error).ToContainTextAsync(says);
            await Assertions.Expect(page.Locator(field)).ToHaveAttributeAsync("aria-invalid", "true");
        }

        await session.StepAsync("bad-shot-fields");
        await SelectTargetAsync(page, "button.target[data-camera-id=camera-1]");
        await ChangeAsync(page.Locator("#camera-focal"), "0");
        await Assertions.Expect(page.Locator("#camera-focal-error")).ToContainTextAsync("focalLength");
        await ChangeAsync(page.Locator("#camera-focal"), "-35");
        await Assertions.Expect(page.Locator("#camera-focal-error")).ToContainTextAsync("focalLength");

        // A .glb that is not one.
        await page.Locator("#add-glb").SetInputFilesAsync(new FilePayload { Name = "not-a-model.glb", MimeType = "model/gltf-binary", Buffer = "this is not a model"u8.ToArray() });
        await Assertions.Expect(page.Locator("#add-error")).ToContainTextAsync("not a binary glTF");
        await Assertions.Expect(page.Locator("button.target[data-object-id=not-a-model]")).ToHaveCountAsync(0);

        // A key dragged outside the shot (typed as a time) is refused beside the key's time.
        await KeysOf(page, "object:box:position").Last.ClickAsync();
        await ChangeAsync(page.Locator("#key-time"), "9");
        await Assertions.Expect(page.Locator("#key-time-error")).ToContainTextAsync("inside the shot");
        await session.StepAsync("bad-lens-and-key");

        // Nothing was applied: the shot still lasts 5 s, the keys are where they were.
        await Assertions.Expect(page.Locator("button.shot-card[data-shot-id=\"shot-1\"] .shot-duration")).ToHaveTextAsync("5.0 s");
        await Assertions.Expect(KeysOf(page, "object:box:position")).ToHaveCountAsync(2);
        Assert.Equal(versionBefore, await page.Locator(".compose-status").TextContentAsync());
    }

    private static ILocator Button(IPage page, string name) =>
        page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = name, Exact = true });

    private static ILocator KeysOf(IPage page, string row) => page.Locator($".track[data-row=\"{row}\"] button.key");

    /// <summary>Waits until the draft is open (Save shown) and the 3D view has drawn the scene.</summary>
    private static async Task WaitForDraftAsync(BrowserSession session)
    {
        await Assertions.Expect(Button(session.Page, "Save")).ToBeVisibleAsync();
        await session.Page.WaitForFunctionAsync("() => window.__previzViewport && window.__previzViewport.updates > 0");
        await BrowserSession.InteractiveAsync(Button(session.Page, "Add object"));
    }

    /// <summary>
    /// Picks what the panel edits and waits until it shows it: typing sooner goes into the previous target's fields, which
    /// the panel then redraws with the new target's values (a CI run typed −3 and kept reading 0).
    /// </summary>
    private static async Task SelectTargetAsync(IPage page, string selector)
    {
        var target = page.Locator(selector);
        await target.ClickAsync();
        await Assertions.Expect(target).ToHaveAttributeAsync("aria-pressed", "true");
    }

    /// <summary>Types a value and leaves the field, as a person does (the edit is applied on change).</summary>
    private static async Task ChangeAsync(ILocator field, string value)
    {
        await field.FillAsync(value);
        await field.DispatchEventAsync("change");
    }

    private static async Task SetVectorAsync(IPage page, string prefix, Vector3 value)
    {
        foreach (var (axis, number) in ((string, float)[])[("x", value.X), ("y", value.Y), ("z", value.Z)])
        {
            var field = page.Locator($"#{prefix}-{axis}");
            var text = number.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (await field.InputValueAsync() == text)
            {
                continue;
            }

            var updates = await page.EvaluateAsync<int>("() => window.__previzViewport.updates");
            await ChangeAsync(field, text);
            await Assertions.Expect(field).ToHaveValueAsync(text);
            // The field shows what was typed at once; the edit is applied when the studio sends the view its new poses. A
            // click that follows sooner (Key) could read the old value, as a CI run's did.
            await page.WaitForFunctionAsync("n => window.__previzViewport.updates > n", updates);
        }
    }

    private static async Task PlayheadAsync(IPage page, int frame)
    {
        var playhead = page.Locator("input.playhead");
        await playhead.EvaluateAsync("(el, f) => { el.value = String(f); el.dispatchEvent(new Event('input', { bubbles: true })); }", frame);
        await page.WaitForFunctionAsync("f => window.__previzViewport && window.__previzViewport.frame === f", frame);
    }

    /// <summary>One decoded frame of the clip as RGBA (ffmpeg, as the rendering tests decode theirs).</summary>
    private static async Task<(int Width, int Height, byte[] Pixels)> DecodeFrameAsync(string video, int index)
    {
        const int width = 1280, height = 720;
        var info = new ProcessStartInfo("ffmpeg") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])["-v", "error", "-i", video, "-vf", $"select=eq(n\\,{index}),scale={width}:{height}", "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "rgba", "-"])
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        using var buffer = new MemoryStream();
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.BaseStream.CopyToAsync(buffer);
        await process.WaitForExitAsync();
        Assert.True(buffer.Length == width * height * 4, $"frame {index}: {buffer.Length} bytes; {await errors}");
        return (width, height, buffer.ToArray());
    }

    /// <summary>The centroid of the clearly red pixels (the box), or null when there are too few.</summary>
    private static Vector2? RedCentroid(byte[] pixels, int width, int height)
    {
        double sx = 0, sy = 0;
        var count = 0;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var p = ((y * width) + x) * 4;
                int r = pixels[p], g = pixels[p + 1], b = pixels[p + 2];
                if (r > 90 && r > 2.5 * g && r > 2.5 * b)
                {
                    sx += x + 0.5;
                    sy += y + 0.5;
                    count++;
                }
            }
        }

        return count < 50 ? null : new Vector2((float)(sx / count), (float)(sy / count));
    }
}
