using System.Numerics;
using Previz.Core.Scenes;

namespace Previz.Core.Sampling;

/// <summary>Every object's world matrix at one scene time, in document order.</summary>
public sealed record ScenePose(double Time, IReadOnlyList<ObjectPose> Objects)
{
    public ObjectPose? Find(string id) => Objects.FirstOrDefault(o => o.Subject.Id == id);
}

/// <summary>An object and its object-to-world matrix (hierarchy applied).</summary>
public sealed record ObjectPose(SceneObject Subject, Matrix4x4 World)
{
    public Vector3 Position => World.Translation;
}
