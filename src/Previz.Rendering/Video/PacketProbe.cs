namespace Previz.Rendering.Video;

/// <summary>What reading every packet of a file's first video stream found (<see cref="MediaTool.ReadPacketsAsync"/>).</summary>
/// <param name="Video">The figures; <see cref="VideoProbe.FrameCount"/> counts the packets shown.</param>
/// <param name="Packets">The video packets read, an edit list's hidden ones included.</param>
public sealed record PacketProbe(VideoProbe Video, int Packets);
