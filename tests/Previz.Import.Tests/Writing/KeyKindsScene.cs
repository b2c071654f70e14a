using System.Numerics;
using Previz.Core.Animation;
using Previz.Core.Geometry;
using Previz.Core.Loading;
using Previz.Core.Scenes;

namespace Previz.Import.Tests.Writing;

/// <summary>
/// A scene with every kind of key: smooth, linear and step (mixed within tracks) on positions, rotations and scales, a
/// child object, lens keys, aim-target keys on a camera riding on a moving object, an imported mesh, glTF CUBICSPLINE
/// keys with tangents (as an imported file brings), and two shots at different rates and aspects. The camera's parent
/// scales uniformly: under a non-uniform scale a turned camera would be sheared, which no camera pose can express.
/// </summary>
internal static class KeyKindsScene
{
    private const string Json = """
        {
          "format": "previz-scene/1",
          "name": "Key kinds",
          "description": "every key Previz knows",
          "environment": { "timeOfDay": "dusk", "sunDirection": [0.2, 0.5, 0.7], "sunIntensity": 0.8, "ambient": 0.35, "skyColor": "#203050", "fog": { "density": 0.01, "color": "#808890" } },
          "style": { "preset": "film-noir" },
          "lighting": { "text": "low sun" },
          "objects": [
            { "id": "ground", "kind": "plane", "size": [30, 0, 30], "color": "#3a5a2a" },
            { "id": "cart", "name": "red cart", "description": "a wooden cart", "hero": true, "kind": "box", "size": [2, 1, 1.2], "color": "#c02020",
              "transform": { "position": [-6, 0.5, 0], "rotation": [0, 10, 0], "scale": 1.2 },
              "references": [ { "path": "refs/cart.png", "view": "front" } ],
              "animation": {
                "position": [ { "time": 0, "value": [-6, 0.5, 0] }, { "time": 1.25, "value": [-2, 0.5, 1], "interpolation": "linear" },
                              { "time": 2, "value": [0, 0.5, 1], "interpolation": "step" }, { "time": 3, "value": [3, 0.5, -1] }, { "time": 4, "value": [6, 0.5, 0] } ],
                "rotation": [ { "time": 0, "value": [0, 10, 0] }, { "time": 1.5, "value": [0, 60, 0], "interpolation": "linear" },
                              { "time": 3, "value": [0, 120, 0], "interpolation": "step" }, { "time": 4, "value": [20, 150, 0] } ],
                "scale": [ { "time": 0, "value": [1.2, 1.2, 1.2] }, { "time": 2, "value": [1.5, 1.5, 1.5], "interpolation": "linear" }, { "time": 4, "value": [1, 1, 1] } ] } },
            { "id": "wheel", "kind": "cylinder", "size": [0.8, 0.2, 0.8], "parent": "cart", "color": "#222222",
              "transform": { "position": [0.8, -0.3, 0.7], "rotation": [90, 0, 0] },
              "animation": { "rotation": [ { "time": 0, "value": [90, 0, 0], "interpolation": "linear" }, { "time": 2, "value": [90, 170, 0], "interpolation": "linear" }, { "time": 4, "value": [90, 340, 0] } ] } },
            { "id": "ball", "kind": "sphere", "size": [0.5, 0.5, 0.5], "color": "#f0f0f0", "transform": { "position": [4, 0.25, 3] },
              "animation": { "position": [ { "time": 0.5, "value": [4, 0.25, 3], "interpolation": "linear" }, { "time": 3.5, "value": [-3, 0.25, 2] } ],
                             "rotation": [ { "time": 1, "value": [0, 0, 0], "interpolation": "step" }, { "time": 2.5, "value": [0, 0, 90] } ],
                             "scale": [ { "time": 0, "value": [1, 1, 1], "interpolation": "step" }, { "time": 2, "value": [2, 1, 2] } ] } },
            { "id": "marker", "kind": "cone", "size": [0.6, 1.5, 0.6], "color": "#e0b020", "transform": { "position": [0, 0.75, -4] } },
            { "id": "person", "name": "runner", "kind": "capsule", "size": [0.5, 1.8, 0.4], "color": "#3050c0", "transform": { "position": [-3, 0.9, -2] },
              "animation": { "position": [ { "time": 0, "value": [-3, 0.9, -2] }, { "time": 4, "value": [3, 0.9, -3] } ] } },
            { "id": "statue", "kind": "mesh", "mesh": "assets/statue.glb", "color": "#909090", "transform": { "position": [0, 0, 5], "scale": 2 } }
          ],
          "cameras": [
            { "id": "crane", "name": "crane camera", "transform": { "position": [0, 8, 16], "rotation": [-25, 0, 0] },
              "lens": { "focalLength": 28, "sensor": [36, 20.25], "sensorFit": "vertical" }, "near": 0.3, "far": 300,
              "animation": { "position": [ { "time": 0, "value": [0, 8, 16] }, { "time": 4, "value": [6, 5, 12], "interpolation": "linear" } ],
                             "rotation": [ { "time": 0, "value": [-25, 0, 0] }, { "time": 4, "value": [-15, 30, 0] } ],
                             "focalLength": [ { "time": 0, "value": 28 }, { "time": 2, "value": 50, "interpolation": "linear" }, { "time": 4, "value": 35 } ] } },
            { "id": "rider", "transform": { "position": [0, 1.5, 2] }, "aimTarget": "ball", "parent": "cart", "lens": { "verticalFov": 40 },
              "animation": { "position": [ { "time": 0, "value": [0, 1.5, 2], "interpolation": "step" }, { "time": 2, "value": [0, 2.5, 3] } ],
                             "aimTarget": [ { "time": 0, "value": "ball" }, { "time": 1.5, "value": null }, { "time": 2.5, "value": "person" } ] } }
          ],
          "shots": [
            { "id": "wide", "name": "wide", "description": "the whole yard", "cameraId": "crane", "start": 0, "duration": 4, "fps": 24 },
            { "id": "ride", "cameraId": "rider", "aspect": "2.39:1", "focalLength": 50, "start": 1, "duration": 2.5, "fps": 30 }
          ]
        }
        """;

    public static SceneDocument Create()
    {
        var scene = SceneReader.Read(Json).Scene;
        // An imported mesh: a squashed sphere's triangles, as SceneMeshResolver would have loaded from the file.
        var statue = PrimitiveMeshes.Create(ShapeKind.Sphere, new Vector3(1, 2, 0.7f));
        // A spinner keyed as an imported glTF would key it: CUBICSPLINE with its own tangents.
        var spinner = new SceneObject
        {
            Id = "spinner",
            Shape = ShapeKind.Box,
            Size = new Vector3(0.4f, 0.4f, 0.4f),
            Color = ColorRgb.FromHex("#40c040"),
            Transform = new Transform(new Vector3(2, 2, 0), Quaternion.Identity, Vector3.One),
            Animation = new TransformAnimation(
                new Vector3Track([
                    new(0.5, new Vector3(2, 2, 0), Interpolation.CubicSpline, Vector3.Zero, new Vector3(1, 2, 0)),
                    new(3.25, new Vector3(-2, 3, 1), Interpolation.CubicSpline, new Vector3(0, -1, 0.5f), Vector3.Zero),
                ]),
                new QuaternionTrack([
                    new(0, Quaternion.Identity, Interpolation.CubicSpline, default, new Quaternion(0, 0.2f, 0, 0)),
                    new(4, Quaternion.CreateFromAxisAngle(Vector3.UnitY, 1.2f), Interpolation.CubicSpline, new Quaternion(0, 0.1f, 0, 0), default),
                ]),
                new Vector3Track([])),
        };
        return scene with
        {
            Objects = [.. scene.Objects.Select(o => o.Id == "statue" ? o with { Mesh = statue } : o), spinner],
        };
    }
}
