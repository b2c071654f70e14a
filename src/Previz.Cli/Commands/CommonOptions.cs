using System.CommandLine;

namespace Previz.Cli.Commands;

/// <summary>Arguments and options shared by several commands, so they read the same everywhere.</summary>
public static class CommonOptions
{
    public static Argument<string> SceneArgument() => new("scene")
    {
        Description = "Scene file (.previz.json, .glb or .gltf)",
    };

    public static Option<string?> Shot() => new("--shot")
    {
        Description = "Shot id (default: the first shot)",
    };

    public static Option<string?> Camera() => new("--camera")
    {
        Description = "Camera id or name: its shot (a glTF camera's shot spans the file's animation)",
    };

    public static Option<string> Pass() => new Option<string>("--pass")
    {
        Description = "Render pass",
        DefaultValueFactory = _ => "wireframe",
    }.AcceptOnlyFromAmong("wireframe", "shaded", "depth");

    public static Option<string> Resolution() => new Option<string>("--resolution")
    {
        Description = "1k (long edge 1280) or 2k (long edge 1920)",
        DefaultValueFactory = _ => "1k",
    }.AcceptOnlyFromAmong("1k", "2k");

    public static Option<string?> Out(string description) => new("--out", "-o")
    {
        Description = description,
    };
}
