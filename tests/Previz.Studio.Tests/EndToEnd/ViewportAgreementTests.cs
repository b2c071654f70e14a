using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Previz.Core.Geometry;
using Previz.Core.Loading;
using Previz.Core.Scenes;
using Previz.Import;
using Previz.Rendering.Framing;
using Previz.Rendering.Rasterizing;
using Previz.Rendering.Stills;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using Xunit.Abstractions;

namespace Previz.Studio.Tests.EndToEnd;

/// <summary>
/// The 3D view through a shot camera and Direct Render's still at the same time put every object in the same place.
/// Each object is measured alone on both sides: the browser draws it flat white on black through the shot camera
/// (<c>window.__previzViewport.isolatedCentroids</c>, WebGL on software GL); Direct Render draws its shaded still of the
/// same scene with every other object's geometry taken away (transforms kept, so aim targets and parents still hold),
/// the object white, lit by ambient light only, under a black sky with no fog. The centroids must lie within 1 % of the
/// frame width of each other; an object seen on one side must be seen on the other.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ViewportAgreementTests(BrowserFixture browser, StudioServer server, ITestOutputHelper output) : IClassFixture<StudioServer>
{
    private const int Width = 640;

    /// <summary>Fewer pixels than this on both sides: too small (or outside the frame) to place.</summary>
    private const int TooSmall = 12;

    private static string GlbPath => Path.Combine(AppContext.BaseDirectory, "Samples", "animated_scene.glb");

    private static string CharacterPath => Path.Combine(AppContext.BaseDirectory, "Samples", "character.glb");

    [Fact]
    public async Task Through_the_breakaway_camera_every_stadium_object_sits_where_Direct_Render_draws_it_at_three_times()
    {
        await using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Samples", "stadium.previz.json"));
        var scene = (await SceneReader.ReadAsync(stream)).Scene;
        await CompareAsync(server.StadiumId, scene, "breakaway", [0, 1.9, 3.9], "agreement-stadium");
    }

    [Fact]
    public async Task Through_an_imported_glTF_camera_every_object_sits_where_Direct_Render_draws_it_at_three_times()
    {
        var bytes = await File.ReadAllBytesAsync(GlbPath);
        using var client = server.CreateClient();
        using var upload = await client.PostAsync("/api/scenes?fileName=animated_scene.glb", new ByteArrayContent(bytes));
        var answer = await upload.Content.ReadAsStringAsync();
        Assert.True(upload.IsSuccessStatusCode, answer);
        var id = Guid.Parse((string)JsonNode.Parse(answer)!["id"]!);
        var scene = GltfImporter.Parse(bytes, "animated_scene.glb").Scene;
        var shot = scene.Shots[0];
        await CompareAsync(id, scene, shot.Id, [0, shot.Duration * 0.45, shot.Duration - (1 / shot.Fps)], "agreement-glb");
    }

    [Fact]
    public async Task Through_the_breakaway_camera_the_view_shades_every_surface_as_Direct_Render_does()
    {
        await using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Samples", "stadium.previz.json"));
        var scene = (await SceneReader.ReadAsync(stream)).Scene;
        var shot = scene.FindShot("breakaway")!;
        var height = 2 * (int)Math.Round(Width / shot.Aspect.Value / 2);
        const int frame = 45;
        await using var session = await BrowserSession.OpenAsync(browser, server, "agreement-shading", output);
        await OpenThroughShotCameraAsync(session, server.StadiumId, "breakaway", frame, shot.Fps);
        var dataUrl = await session.Page.EvaluateAsync<string>($"() => window.__previzViewport.shotImage({Width}, {height})");
        using var view = Image.Load<Rgba32>(PngOf(dataUrl));

        // Direct Render's shaded still with the same light, on black: no sky, horizon, ground grid or fog.
        var onBlack = scene with { Environment = scene.Environment with { SkyColor = Black, HorizonColor = Black, GroundColor = Black, FogDensity = 0 } };
        var direct = new FrameRenderer(onBlack, new FrameRendererOptions { GroundGrid = false }).Render(shot, shot.FrameTime(frame), RenderPass.Shaded, new FrameSize(Width, height));

        // Inside surfaces only: a pixel whose 3×3 neighbourhood is covered in both pictures (edges differ by anti-aliasing).
        bool Covered(int x, int y) => direct.Pixels[((y * Width) + x) * 4] + direct.Pixels[(((y * Width) + x) * 4) + 1] + direct.Pixels[(((y * Width) + x) * 4) + 2] > 0
            && view[x, y].R + view[x, y].G + view[x, y].B > 0;
        long compared = 0;
        double difference = 0;
        for (var y = 1; y < height - 1; y++)
        {
            for (var x = 1; x < Width - 1; x++)
            {
                var inside = true;
                for (var dy = -1; dy <= 1 && inside; dy++)
                {
                    for (var dx = -1; dx <= 1 && inside; dx++)
                    {
                        inside = Covered(x + dx, y + dy);
                    }
                }

                if (!inside)
                {
                    continue;
                }

                var i = ((y * Width) + x) * 4;
                var v = view[x, y];
                difference += (Math.Abs(direct.Pixels[i] - v.R) + Math.Abs(direct.Pixels[i + 1] - v.G) + Math.Abs(direct.Pixels[i + 2] - v.B)) / 3.0;
                compared++;
            }
        }

        var mean = difference / compared;
        output.WriteLine($"{compared} inside pixels compared, mean absolute difference {mean:0.00}/255");
        if (!(mean <= 4))
        {
            var folder = Path.Combine(RepositoryRoot.Path, "out", "e2e", "agreement-shading");
            await StillWriter.SavePngAsync(direct, Path.Combine(folder, "direct.png"));
            await view.SaveAsPngAsync(Path.Combine(folder, "view.png"));
        }

        Assert.True(compared > Width * height / 4, $"only {compared} pixels are inside surfaces in both pictures");
        Assert.True(mean <= 4, $"the view's shading differs from Direct Render's by {mean:0.00}/255 on average inside surfaces");
    }

    /// <summary>
    /// The Blender-rigged character playing its "bow" clip, through the shot camera at two times where it is bent well away
    /// from its rest pose: the view's silhouette covers the same pixels as Direct Render's still (IoU) with the centroid
    /// within 1 % of the width, and it is not the rest pose (it overlaps the rest pose's still far less than the posed one).
    /// </summary>
    [Fact]
    public async Task A_rigged_character_playing_a_clip_is_posed_in_the_view_as_Direct_Render_deforms_it()
    {
        using var client = server.CreateClient();
        using var meshUpload = await client.PostAsync("/api/meshes?fileName=character.glb", new ByteArrayContent(await File.ReadAllBytesAsync(CharacterPath)));
        var meshAnswer = await meshUpload.Content.ReadAsStringAsync();
        Assert.True(meshUpload.IsSuccessStatusCode, meshAnswer);
        var meshPath = (string)JsonNode.Parse(meshAnswer)!["path"]!;
        var json = $$"""
            {
              "format": "previz-scene/1",
              "name": "Bowing character",
              "objects": [
                { "id": "actor", "kind": "mesh", "mesh": "{{meshPath}}", "color": "#cc3333", "action": { "clip": "bow", "start": 0, "speed": 1, "loop": false } }
              ],
              "cameras": [ { "id": "cam", "transform": { "position": [2.5, 1.2, 6], "rotation": [-1, 19.3, 0] }, "lens": { "focalLength": 28 } } ],
              "shots": [ { "id": "bow", "cameraId": "cam", "aspect": "16:9", "start": 0, "duration": 1, "fps": 24 } ]
            }
            """;
        using var sceneUpload = await client.PostAsync("/api/scenes?fileName=bowing.previz.json", new StringContent(json));
        var sceneAnswer = await sceneUpload.Content.ReadAsStringAsync();
        Assert.True(sceneUpload.IsSuccessStatusCode, sceneAnswer);
        var sceneId = Guid.Parse((string)JsonNode.Parse(sceneAnswer)!["id"]!);

        // Direct Render's side reads the same document with the mesh where the scene says it is.
        var folder = Directory.CreateTempSubdirectory("previz-character-");
        try
        {
            Directory.CreateDirectory(Path.Combine(folder.FullName, Path.GetDirectoryName(meshPath)!));
            File.Copy(CharacterPath, Path.Combine(folder.FullName, meshPath));
            var read = SceneReader.Read(System.Text.Encoding.UTF8.GetBytes(json)).Scene;
            var scene = await SceneMeshResolver.ResolveAsync(read, folder.FullName);
            var rest = scene with { Objects = [.. scene.Objects.Select(o => o with { Action = null })] };
            var shot = scene.Shots[0];
            var height = 2 * (int)Math.Round(Width / shot.Aspect.Value / 2);
            var size = new FrameSize(Width, height);
            var restMask = Mask(new FrameRenderer(Alone(rest, 0), new FrameRendererOptions { GroundGrid = false }).Render(shot, 0, RenderPass.Shaded, size));
            await using var session = await BrowserSession.OpenAsync(browser, server, "agreement-character", output);
            foreach (var frame in new[] { 11, 22 })
            {
                var time = shot.FrameTime(frame);
                await OpenThroughShotCameraAsync(session, sceneId, "bow", frame, shot.Fps);
                await session.StepAsync($"frame{frame}");
                var image = await session.Page.EvaluateAsync<string>($"() => window.__previzViewport.isolatedImage('actor', {Width}, {height})");
                var png = PngOf(image);
                var view = MaskOfPng(png);
                var alone = new FrameRenderer(Alone(scene, 0), new FrameRendererOptions { GroundGrid = false }).Render(shot, time, RenderPass.Shaded, size);
                var direct = Mask(alone);

                var (viewCount, viewX, viewY) = CentroidOf(view, Width);
                var (directCount, directX, directY) = CentroidOf(direct, Width);
                var distance = Math.Sqrt(Math.Pow(directX - viewX, 2) + Math.Pow(directY - viewY, 2));
                var agreement = IoU(view, direct);
                var againstRest = IoU(view, restMask);
                output.WriteLine($"frame {frame}: direct {directCount} px at ({directX:0.0}, {directY:0.0}), view {viewCount} px at ({viewX:0.0}, {viewY:0.0}); IoU {agreement:0.000}, IoU with the rest pose {againstRest:0.000}");
                if (agreement < 0.95 || distance > 0.01 * Width || againstRest > 0.8)
                {
                    var where = Path.Combine(RepositoryRoot.Path, "out", "e2e", "agreement-character");
                    await StillWriter.SavePngAsync(alone, Path.Combine(where, $"direct-{frame}.png"));
                    await File.WriteAllBytesAsync(Path.Combine(where, $"view-{frame}.png"), png);
                }

                Assert.True(directCount > 2000, $"frame {frame}: Direct Render covers only {directCount} px of the character");
                Assert.True(distance <= 0.01 * Width, $"frame {frame}: centroids {distance:0.0} px apart, more than 1 % of {Width} px");
                Assert.True(agreement >= 0.95, $"frame {frame}: silhouettes overlap with IoU {agreement:0.000}, under 0.95");
                // On the rest pose (a view that does not skin) the view would overlap the rest still almost fully.
                Assert.True(againstRest <= 0.8, $"frame {frame}: the view overlaps the rest pose with IoU {againstRest:0.000}: the character is not posed");
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private async Task CompareAsync(Guid sceneId, SceneDocument scene, string shotId, double[] times, string test)
    {
        var shot = scene.FindShot(shotId)!;
        var height = 2 * (int)Math.Round(Width / shot.Aspect.Value / 2);
        var size = new FrameSize(Width, height);
        await using var session = await BrowserSession.OpenAsync(browser, server, test, output);
        var compared = 0;
        foreach (var seconds in times)
        {
            var frame = (int)Math.Round(seconds * shot.Fps, MidpointRounding.AwayFromZero);
            var time = shot.FrameTime(frame);
            // The deep link opens the shot at that time, looking through its camera.
            await OpenThroughShotCameraAsync(session, sceneId, shotId, frame, shot.Fps);
            await session.StepAsync($"t{seconds:0.00}");
            var browserCentroids = (await session.Page.EvaluateAsync<JsonElement>($"() => window.__previzViewport.isolatedCentroids({Width}, {height})"))
                .EnumerateArray()
                .ToDictionary(e => e.GetProperty("id").GetString()!, e => (Count: e.GetProperty("count").GetInt32(), X: Number(e.GetProperty("x")), Y: Number(e.GetProperty("y"))));

            for (var i = 0; i < scene.Objects.Count; i++)
            {
                var obj = scene.Objects[i];
                var alone = new FrameRenderer(Alone(scene, i), new FrameRendererOptions { GroundGrid = false }).Render(shot, time, RenderPass.Shaded, size);
                var direct = Centroid(alone);
                Assert.True(browserCentroids.TryGetValue(obj.Id, out var view), $"the 3D view has no object {obj.Id}");
                output.WriteLine($"t={seconds:0.00}s {obj.Id}: direct {direct.Count} px at ({direct.X:0.0}, {direct.Y:0.0}), view {view.Count} px at ({view.X:0.0}, {view.Y:0.0})");
                if (direct.Count < TooSmall && view.Count < TooSmall)
                {
                    continue;
                }

                var distance = Math.Sqrt(Math.Pow(direct.X - view.X, 2) + Math.Pow(direct.Y - view.Y, 2));
                if (!(direct.Count >= TooSmall && view.Count >= TooSmall && distance <= 0.01 * Width))
                {
                    // Both pictures beside the screenshots, to see where they disagree.
                    var folder = Path.Combine(RepositoryRoot.Path, "out", "e2e", test);
                    await StillWriter.SavePngAsync(alone, Path.Combine(folder, $"direct-{obj.Id}-{seconds:0.00}.png"));
                    var image = await session.Page.EvaluateAsync<string>($"() => window.__previzViewport.isolatedImage('{obj.Id}', {Width}, {height})");
                    await File.WriteAllBytesAsync(Path.Combine(folder, $"view-{obj.Id}-{seconds:0.00}.png"), PngOf(image));
                }

                Assert.True(direct.Count >= TooSmall && view.Count >= TooSmall, $"{obj.Id} at {seconds} s: Direct Render covers {direct.Count} px, the 3D view {view.Count} px");
                Assert.True(distance <= 0.01 * Width, $"{obj.Id} at {seconds} s: centroids {distance:0.0} px apart (Direct Render ({direct.X:0.0}, {direct.Y:0.0}), 3D view ({view.X:0.0}, {view.Y:0.0})), more than 1 % of {Width} px");
                compared++;
            }

        }

        output.WriteLine($"{compared} object placements compared");
        Assert.True(compared >= times.Length, $"only {compared} objects were in view");
    }

    /// <summary>Opens the studio's deep link at <paramref name="frame"/> of the shot and waits until the view looks through its camera there.</summary>
    private static async Task OpenThroughShotCameraAsync(BrowserSession session, Guid sceneId, string shotId, int frame, double fps)
    {
        await session.GotoAsync($"/scenes/{sceneId}?shot={Uri.EscapeDataString(shotId)}&t={(frame / fps).ToString("R", CultureInfo.InvariantCulture)}");
        await session.Page.WaitForFunctionAsync(
            "f => { const v = window.__previzViewport; return !!v && v.updates > 0 && v.frame === f && v.lookingThrough; }",
            frame,
            new() { Timeout = BrowserSession.Timeout, PollingInterval = 100 });
    }

    /// <summary>The PNG bytes of a <c>data:image/png;base64,…</c> URL from the view.</summary>
    private static byte[] PngOf(string dataUrl) => Convert.FromBase64String(dataUrl[(dataUrl.IndexOf(',', StringComparison.Ordinal) + 1)..]);

    private static readonly ColorRgb Black = new(0, 0, 0);

    /// <summary>
    /// The scene with every object's geometry taken away but <paramref name="keep"/>'s (transforms stay), that one flat
    /// white (ambient light only) on black (sky, horizon and ground black, no fog).
    /// </summary>
    private static SceneDocument Alone(SceneDocument scene, int keep) => scene with
    {
        Environment = new SceneEnvironment { SkyColor = Black, HorizonColor = Black, GroundColor = Black, FogDensity = 0, SunIntensity = 0, Ambient = 1 },
        Objects = [.. scene.Objects.Select((o, i) => i == keep ? o with { Color = new ColorRgb(1, 1, 1) } : o with { Shape = ShapeKind.Mesh, Mesh = null, MeshPath = null })],
    };

    /// <summary>The pixels of <paramref name="frame"/> brighter than mid-grey: their count and centroid (pixel centres at +0.5).</summary>
    private static (int Count, double X, double Y) Centroid(RgbaFrame frame)
    {
        long count = 0;
        double sx = 0, sy = 0;
        var a = frame.Pixels;
        for (var y = 0; y < frame.Height; y++)
        {
            for (var x = 0; x < frame.Width; x++)
            {
                if (a[((y * frame.Width) + x) * 4] > 127)
                {
                    count++;
                    sx += x + 0.5;
                    sy += y + 0.5;
                }
            }
        }

        return count == 0 ? (0, double.NaN, double.NaN) : ((int)count, sx / count, sy / count);
    }

    /// <summary>The pixels brighter than mid-grey, row by row.</summary>
    private static bool[] Mask(RgbaFrame frame)
    {
        var mask = new bool[frame.Width * frame.Height];
        for (var i = 0; i < mask.Length; i++)
        {
            mask[i] = frame.Pixels[i * 4] > 127;
        }

        return mask;
    }

    private static bool[] MaskOfPng(byte[] png)
    {
        using var image = SixLabors.ImageSharp.Image.Load<SixLabors.ImageSharp.PixelFormats.Rgba32>(png);
        var mask = new bool[image.Width * image.Height];
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    mask[(y * row.Length) + x] = row[x].R > 127;
                }
            }
        });
        return mask;
    }

    private static (int Count, double X, double Y) CentroidOf(bool[] mask, int width)
    {
        long count = 0;
        double sx = 0, sy = 0;
        for (var i = 0; i < mask.Length; i++)
        {
            if (mask[i])
            {
                count++;
                sx += (i % width) + 0.5;
                sy += (i / width) + 0.5;
            }
        }

        return count == 0 ? (0, double.NaN, double.NaN) : ((int)count, sx / count, sy / count);
    }

    private static double IoU(bool[] a, bool[] b)
    {
        long both = 0, either = 0;
        for (var i = 0; i < a.Length; i++)
        {
            both += a[i] && b[i] ? 1 : 0;
            either += a[i] || b[i] ? 1 : 0;
        }

        return either == 0 ? 0 : (double)both / either;
    }

    private static double Number(JsonElement value) => value.ValueKind == JsonValueKind.Number ? value.GetDouble() : double.NaN;
}
