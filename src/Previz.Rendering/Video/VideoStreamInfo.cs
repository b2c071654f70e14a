namespace Previz.Rendering.Video;

/// <summary>A video stream's figures from the file's header (<see cref="MediaTool.ProbeStreamsAsync"/>).</summary>
/// <param name="Codec">ffmpeg's codec name ("h264").</param>
/// <param name="PixelFormat">ffmpeg's pixel format ("yuv420p").</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="FrameRate">The stream's frame rate as ffprobe writes it (r_frame_rate, "24/1", "24000/1001").</param>
/// <param name="DurationSeconds">The stream's duration, else the container's.</param>
/// <param name="ExtradataHash">
/// A hash of the codec's out-of-band setup (H.264's SPS and PPS in MP4): clips whose setup differs cannot share one
/// MP4 track without re-encoding.
/// </param>
public sealed record VideoStreamInfo(string Codec, string PixelFormat, int Width, int Height, string FrameRate, double DurationSeconds, string ExtradataHash);
