using System.Numerics;
using System.Text.Json.Nodes;
using Previz.Core.Editing;
using Previz.Core.Geometry;
using Previz.Core.Scenes;

namespace Previz.Core.Tests.Editing;

/// <summary>One edit of every kind on the stadium sample, each with what the edited scene must show.</summary>
internal static class EditCases
{
    public static IEnumerable<(string Name, SceneEdit Edit, Action<SceneDocument> Check)> All()
    {
        yield return ("setScene", new SetScene { Name = "Derby night", Description = " " }, s =>
        {
            Assert.Equal("Derby night", s.Name);
            Assert.Null(s.Description);
        }
        );
        yield return ("addObject", new AddObject { Entry = JsonNode.Parse("""{ "id": "crate", "kind": "box", "size": [1, 2, 3], "transform": { "position": [4, 1, 0] } }""")!.AsObject(), Index = 0 }, s =>
        {
            Assert.Equal("crate", s.Objects[0].Id);
            Assert.Equal(new Vector3(1, 2, 3), s.Objects[0].Size);
        }
        );
        yield return ("addPerson", new AddObject { Entry = JsonNode.Parse("""{ "id": "actor", "kind": "person" }""")!.AsObject() }, s =>
        {
            Assert.Equal(ShapeKind.Person, s.Objects[^1].Shape);
            Assert.Equal(PrimitiveMeshes.PersonSize, s.Objects[^1].Size);
        }
        );
        yield return ("removeObject", new RemoveObject { ObjectId = "apron" }, s => Assert.Null(s.FindObject("apron")));
        yield return ("setObject", new SetObject { ObjectId = "ball", Name = "match ball", Hero = false, Color = "#ff0000", Size = [0.3, 0.3, 0.3], Clear = ["description", "references"] }, s =>
        {
            var ball = s.FindObject("ball")!;
            Assert.Equal("match ball", ball.Name);
            Assert.False(ball.Hero);
            Assert.Equal("#ff0000", ball.Color.ToHex());
            Assert.Equal(new Vector3(0.3f), ball.Size);
            Assert.Null(ball.Description);
            Assert.Empty(ball.References);
        }
        );
        yield return ("setTransform", new SetTransform { ObjectId = "pitch", Position = [1, 2, 3], Quaternion = [0, 0.7071068, 0, 0.7071068], Scale = [2, 1, 2] }, s =>
        {
            var pitch = s.FindObject("pitch")!.Transform;
            Assert.Equal(new Vector3(1, 2, 3), pitch.Position);
            Assert.Equal(new Vector3(2, 1, 2), pitch.Scale);
            Assert.Equal(90, 2 * Math.Acos(pitch.Rotation.W) * 180 / Math.PI, 2);
        }
        );
        yield return ("setCameraTransform", new SetTransform { CameraId = "dolly-cam", Position = [0, 30, 90], Rotation = [-10, 0, 0] }, s =>
            Assert.Equal(new Vector3(0, 30, 90), s.FindCamera("dolly-cam")!.Transform.Position));
        yield return ("addCamera", new AddCamera { Camera = JsonNode.Parse("""{ "id": "cam-3", "transform": { "position": [0, 5, 20] } }""")!.AsObject() }, s =>
            Assert.NotNull(s.FindCamera("cam-3")));
        yield return ("removeCamera", new AddCamera { Camera = JsonNode.Parse("""{ "id": "spare" }""")!.AsObject() }, s => Assert.NotNull(s.FindCamera("spare")));
        yield return ("setCamera", new SetCamera { CameraId = "follow-cam", FocalLength = 85, Name = "Follow", Clear = ["aimTarget"] }, s =>
        {
            var cam = s.FindCamera("follow-cam")!;
            Assert.Equal(85, cam.Lens.FocalLengthMm);
            Assert.Null(cam.AimTargetId);
            Assert.Equal("Follow", cam.Name);
        }
        );
        yield return ("setKey", new SetKey { ObjectId = "pitch", Track = "position", Key = JsonNode.Parse("""{ "time": 1.5, "value": [0, 1, 0], "interpolation": "step" }""")!.AsObject(), WithinShot = "establishing" }, s =>
            Assert.Equal(1.5, Assert.Single(s.FindObject("pitch")!.Animation.Position.Keys).Time));
        yield return ("setCameraFocalKey", new SetKey { CameraId = "dolly-cam", Track = "focalLength", Key = JsonNode.Parse("""{ "time": 2, "value": 50 }""")!.AsObject() }, s =>
            Assert.Contains(s.FindCamera("dolly-cam")!.Animation.FocalLength.Keys, k => k.Time == 2 && k.Value == 50));
        yield return ("deleteKey", new DeleteKey { ObjectId = "ball", Track = "position", Time = FirstKey("ball") }, s =>
            Assert.DoesNotContain(s.FindObject("ball")!.Animation.Position.Keys, k => k.Time == FirstKey("ball")));
        yield return ("moveKey", new MoveKey { ObjectId = "ball", Track = "position", Time = FirstKey("ball"), To = FirstKey("ball") - 0.5 }, s =>
            Assert.Equal(FirstKey("ball") - 0.5, s.FindObject("ball")!.Animation.Position.Keys[0].Time, 6));
        yield return ("setKeyInterpolation", new SetKeyInterpolation { ObjectId = "ball", Track = "position", Time = FirstKey("ball"), Interpolation = "step" }, s =>
            Assert.Equal(Core.Animation.Interpolation.Step, s.FindObject("ball")!.Animation.Position.Keys[0].Interpolation));
        yield return ("addShot", new AddShot { Shot = JsonNode.Parse("""{ "id": "wide", "cameraId": "dolly-cam", "duration": 3 }""")!.AsObject(), Index = 0 }, s =>
            Assert.Equal("wide", s.Shots[0].Id));
        yield return ("duplicateShot", new DuplicateShot { ShotId = "establishing" }, s =>
        {
            Assert.Equal("establishing-2", s.Shots[1].Id);
            Assert.Equal(s.Shots[0].Duration, s.Shots[1].Duration);
        }
        );
        yield return ("removeShot", new RemoveShot { ShotId = "breakaway" }, s => Assert.Null(s.FindShot("breakaway")));
        yield return ("moveShot", new MoveShot { ShotId = "breakaway", Index = 0 }, s => Assert.Equal("breakaway", s.Shots[0].Id));
        yield return ("setShot", new SetShot { ShotId = "breakaway", Duration = 6, Fps = 30, Aspect = "1:1", FocalLength = 24, CameraId = "dolly-cam", Start = 1 }, s =>
        {
            var shot = s.FindShot("breakaway")!;
            Assert.Equal((6.0, 30.0, 1.0, 24f, "dolly-cam", 1.0), (shot.Duration, shot.Fps, shot.Start, shot.FocalLengthMm!.Value, shot.CameraId, shot.Aspect.Value));
        }
        );
    }

    public static byte[] Stadium() => File.ReadAllBytes(SampleScenes.PathOf("stadium.previz.json"));

    private static double FirstKey(string objectId)
    {
        var scene = Core.Loading.SceneReader.Read(Stadium()).Scene;
        return scene.FindObject(objectId)!.Animation.Position.Keys[0].Time;
    }
}
