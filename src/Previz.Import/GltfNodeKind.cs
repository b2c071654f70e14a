namespace Previz.Import;

/// <summary>What a glTF node became in the scene.</summary>
public enum GltfNodeKind
{
    /// <summary>A node with a mesh: a scene object.</summary>
    Mesh,

    /// <summary>A camera node: a scene camera.</summary>
    Camera,

    /// <summary>A node without a mesh that carries meshes or cameras below it: an object with an empty mesh.</summary>
    Group,

    /// <summary>A node with nothing Previz draws below it (lights, empties, orthographic cameras): left out.</summary>
    Ignored,

    /// <summary>A joint of a skin: not an object, it poses its character's mesh (its animation plays there).</summary>
    Joint,
}
