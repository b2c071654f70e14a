using System.Runtime.InteropServices;

namespace Previz.Rendering.Video;

/// <summary>
/// The functions of libprevizmedia.so (native/previz-media). Only <see cref="LibavMedia"/> calls them, once it has
/// loaded the library; the calls block until FFmpeg is done, or until <c>*cancel</c> turns non-zero (checked between
/// packets).
/// </summary>
internal static unsafe partial class LibavNative
{
    public const string Library = "previzmedia";
    public const string FileName = "libprevizmedia.so";
    public const int Ok = 0;
    public const int NoVideo = -2;
    public const int Cancelled = -3;

    [LibraryImport(Library, EntryPoint = "pvm_version")]
    public static partial nint Version();

    [LibraryImport(Library, EntryPoint = "pvm_video_info_size")]
    public static partial int VideoInfoSize();

    [LibraryImport(Library, EntryPoint = "pvm_probe", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Probe(string path, LibavVideoInfo* info, int* cancel, byte* error, int errorSize);

    [LibraryImport(Library, EntryPoint = "pvm_probe_packets", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int ProbePackets(string path, LibavVideoInfo* info, int* cancel, byte* error, int errorSize);

    [LibraryImport(Library, EntryPoint = "pvm_count_packets", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int CountPackets(string path, LibavVideoInfo* info, int* cancel, byte* error, int errorSize);

    [LibraryImport(Library, EntryPoint = "pvm_remux", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Remux(string input, string output, int faststart, int* cancel, byte* error, int errorSize);

    [LibraryImport(Library, EntryPoint = "pvm_poster", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Poster(string input, string outputJpeg, double seconds, int maxWidth, int quality, int* cancel, byte* error, int errorSize);
}
