using Previz.Core.Loading;

namespace Previz.Core.Tests.Loading;

/// <summary>A lens no perspective can draw is refused when the scene is read, not when it is rendered.</summary>
public class LensLimitTests
{
    [Theory]
    [InlineData("""{ "id": "c", "lens": { "focalLength": 1e-9 } }""", """{ "id": "s", "cameraId": "c", "duration": 1 }""", "$.cameras[0].lens.focalLength")]
    [InlineData("""{ "id": "c" }""", """{ "id": "s", "cameraId": "c", "duration": 1, "focalLength": 0.5 }""", "$.shots[0].focalLength")]
    [InlineData("""{ "id": "c", "animation": { "focalLength": [ { "time": 0, "value": 1e-9 } ] } }""", """{ "id": "s", "cameraId": "c", "duration": 1 }""", "$.cameras[0].animation.focalLength[0].value")]
    public void A_focal_length_under_a_millimetre_is_a_problem_at_its_path(string camera, string shot, string path)
    {
        var json = $$"""{ "name": "n", "cameras": [ {{camera}} ], "shots": [ {{shot}} ] }""";

        var ex = Assert.Throws<SceneValidationException>(() => SceneReader.Read(json));

        Assert.Contains(ex.Errors, e => e.Path == path);
    }

    [Fact]
    public void A_one_millimetre_lens_reads()
    {
        var scene = SceneReader.Read("""{ "name": "n", "cameras": [ { "id": "c", "lens": { "focalLength": 1 } } ], "shots": [ { "id": "s", "cameraId": "c", "duration": 1 } ] }""").Scene;

        Assert.Equal(1f, scene.Cameras[0].Lens.FocalLengthMm);
    }
}
