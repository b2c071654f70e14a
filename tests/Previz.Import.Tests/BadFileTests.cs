using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Previz.Import.Tests.Support;

namespace Previz.Import.Tests;

/// <summary>Broken files give one readable error each: never a crash, a hang or an exception of another type.</summary>
public sealed class BadFileTests
{
    [Fact]
    public void A_truncated_glb_says_so()
    {
        var glb = Valid().ToGlb();

        var e = Parse(glb[..(glb.Length / 2)]);

        Assert.Contains("truncated", e.Message, StringComparison.Ordinal);
        Assert.Contains($"{glb.Length} bytes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_shorter_than_the_header_says_so()
    {
        Assert.Contains("too short", Parse([0x67, 0x6C, 0x54, 0x46, 2, 0]).Message, StringComparison.Ordinal);
        Assert.Contains("too short", Parse([]).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_magic_says_it_is_not_a_glb()
    {
        var glb = Valid().ToGlb();
        Encoding.ASCII.GetBytes("PK\u0003\u0004").CopyTo(glb, 0);

        var e = Parse(glb);

        Assert.Equal("bad.glb: not a GLB file: it starts with 504B0304 instead of \"glTF\".", e.Message);
    }

    [Fact]
    public void A_json_chunk_that_does_not_parse_gives_the_position()
    {
        var glb = GltfBuilder.Pack(Encoding.UTF8.GetBytes("{\"asset\":{\"version\":\"2.0\"},\n  oops}"), []);

        var e = Parse(glb);

        Assert.Contains("does not parse at line 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_accessor_whose_normalized_is_not_a_boolean_names_it()
    {
        var b = Valid();
        b.Get("accessors", 0)["normalized"] = "yes";

        var e = Parse(b.ToGlb());

        Assert.Contains("accessors[0].normalized", e.Message, StringComparison.Ordinal);
        Assert.Contains("true or false", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_buffer_view_out_of_range_names_it()
    {
        var b = Valid();
        b.Get("bufferViews", 0)["byteOffset"] = 1_000_000;

        var e = Parse(b.ToGlb());

        Assert.Contains("bufferViews[0]", e.Message, StringComparison.Ordinal);
        Assert.Contains("out of range", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_buffer_larger_than_the_binary_chunk_is_truncation()
    {
        var b = Valid();
        b.ToGlb();
        b.Get("buffers", 0)["byteLength"] = 10_000;

        var e = Parse(b.ToGlb());

        Assert.Contains("truncated", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(2_000_000_000)]
    public void An_accessor_count_that_lies_says_the_count_does_not_match(long count)
    {
        var b = Valid();
        b.Get("accessors", 0)["count"] = count;

        var e = Parse(b.ToGlb());

        Assert.Contains("accessors[0]", e.Message, StringComparison.Ordinal);
        Assert.Contains("count does not match", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_index_past_the_vertices_says_the_counts_do_not_match()
    {
        var b = new GltfBuilder();
        var mesh = b.AddMesh(GltfBuilder.Primitive(b.AddPositions(default, System.Numerics.Vector3.UnitX, System.Numerics.Vector3.UnitY), b.AddIndices(0, 1, 7)));
        b.AddScene(b.AddNode(new JsonObject { ["mesh"] = mesh }));

        var e = Parse(b.ToGlb());

        Assert.Contains("refers to vertex 7 but the primitive has only 3 vertices", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Animation_values_that_do_not_match_the_key_times_are_reported()
    {
        var b = Valid();
        b.AddAnimation("Bad", 0, "translation", "LINEAR", [0f, 1f, 2f], [0, 0, 0, 1, 1, 1], "VEC3");

        var e = Parse(b.ToGlb());

        Assert.Contains("animation \"Bad\"", e.Message, StringComparison.Ordinal);
        Assert.Contains("3 key times but 2 values", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_node_cycle_is_reported_instead_of_looping()
    {
        var b = Valid();
        var a = b.AddNode(new JsonObject { ["name"] = "A" });
        var c = b.AddNode(new JsonObject { ["name"] = "C", ["children"] = new JsonArray(a) });
        b.Get("nodes", a)["children"] = new JsonArray(c);

        var e = Parse(b.ToGlb());

        Assert.Contains("cycle", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_index_to_nothing_is_reported()
    {
        var b = Valid();
        b.Get("nodes", 0)["mesh"] = 9;

        Assert.Contains("nodes[0].mesh refers to meshes[9] but the file has 1 meshes", Parse(b.ToGlb()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_glb_from_another_glTF_version_says_so()
    {
        var b = Valid();
        b.Root["asset"] = new JsonObject { ["version"] = "1.0" };

        Assert.Contains("glTF version 1.0 is not supported", Parse(b.ToGlb()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Damaged_copies_of_a_real_file_fail_with_a_readable_error_and_never_crash_or_hang()
    {
        var original = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Blender", "animated_scene.glb"));
        var random = new Random(1234);
        var watch = Stopwatch.StartNew();
        var failures = 0;
        for (var trial = 0; trial < 300; trial++)
        {
            var damaged = (byte[])original.Clone();
            if (trial % 3 == 0)
            {
                damaged = damaged[..random.Next(damaged.Length)];
            }
            else
            {
                // Damage the JSON chunk (the first ~3 KB) more often than the binary: that is where parsers break.
                var span = trial % 3 == 1 ? Math.Min(4000, damaged.Length) : damaged.Length;
                for (var k = 0; k < 4; k++)
                {
                    damaged[random.Next(span)] = (byte)random.Next(256);
                }
            }

            try
            {
                GltfImporter.Parse(damaged, "damaged.glb");
            }
            catch (GltfImportException e)
            {
                Assert.StartsWith("damaged.glb: ", e.Message, StringComparison.Ordinal);
                failures++;
            }
        }

        Assert.True(failures > 100, $"only {failures} of 300 damaged files were refused");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"300 damaged files took {watch.Elapsed}");
    }

    [Theory]
    [InlineData("znear", 0.0, "znear is 0; the near clipping distance must be greater than 0")]
    [InlineData("zfar", 0.05, "zfar (0.05) must be greater than znear (0.1)")]
    [InlineData("aspectRatio", 0.0, "aspectRatio is 0; it must be greater than 0")]
    [InlineData("yfov", 4.0, "yfov is 4 radians; it must lie between 0 and π")]
    public void A_camera_with_impossible_perspective_settings_names_the_field(string field, double value, string expected)
    {
        var b = WithCamera(new JsonObject { ["yfov"] = 0.8, ["znear"] = 0.1, ["zfar"] = 100.0, ["aspectRatio"] = 1.5 });
        ((JsonObject)b.Get("cameras", 0)["perspective"]!)[field] = value;

        var e = Parse(b.ToGlb());

        Assert.Equal($"bad.glb: camera \"Cam\": cameras[0].perspective.{expected}.", e.Message);
    }

    [Fact]
    public void A_camera_with_sound_perspective_settings_imports()
    {
        var b = WithCamera(new JsonObject { ["yfov"] = 0.8, ["znear"] = 0.1 });

        var import = GltfImporter.Parse(b.ToGlb(), "good.glb");

        Assert.Single(import.Scene.Cameras);
    }

    [Fact]
    public void A_perspective_camera_without_its_perspective_block_is_not_called_orthographic()
    {
        var b = WithCamera(null);

        var e = Parse(b.ToGlb());

        Assert.DoesNotContain("orthographic", e.Message, StringComparison.Ordinal);
        Assert.Contains("camera \"Cam\" is a perspective camera without its perspective settings (cameras[0].perspective is missing)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_node_that_is_not_an_object_names_it()
    {
        var b = Valid();
        ((JsonArray)b.Root["nodes"]!).Add(42);

        Assert.Contains("nodes[1] is not an object", Parse(b.ToGlb()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_string_with_half_a_surrogate_pair_names_its_path()
    {
        var b = Valid();
        b.Get("nodes", 0)["name"] = "MARKER";
        var glb = b.ToGlb();
        var at = glb.AsSpan().IndexOf("MARKER"u8);
        "\\uD800"u8.CopyTo(glb.AsSpan(at));

        Assert.Contains("not text at $.nodes[0].name", Parse(glb).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_of_the_wrong_type_for_sharpgltf_is_a_readable_error()
    {
        var b = WithCamera(new JsonObject { ["yfov"] = 0.8, ["znear"] = 0.1 });
        b.Get("cameras", 0)["name"] = new JsonArray(1, 2);

        Assert.Contains("has the wrong type for its field", Parse(b.ToGlb()).Message, StringComparison.Ordinal);
    }

    private static GltfBuilder WithCamera(JsonObject? perspective)
    {
        var b = new GltfBuilder();
        var camera = new JsonObject { ["type"] = "perspective", ["name"] = "Cam" };
        if (perspective is not null)
        {
            camera["perspective"] = perspective;
        }

        var cameraIndex = b.Add("cameras", camera);
        b.AddScene(
            b.AddNode(new JsonObject { ["name"] = "Tri", ["mesh"] = b.AddTriangleMesh() }),
            b.AddNode(new JsonObject { ["name"] = "CamNode", ["camera"] = cameraIndex, ["translation"] = new JsonArray(0, 1, 5) }));
        return b;
    }

    private static GltfImportException Parse(byte[] glb) => Assert.Throws<GltfImportException>(() => GltfImporter.Parse(glb, "bad.glb"));

    private static GltfBuilder Valid()
    {
        var b = new GltfBuilder();
        b.AddScene(b.AddNode(new JsonObject { ["name"] = "Tri", ["mesh"] = b.AddTriangleMesh() }));
        return b;
    }
}
