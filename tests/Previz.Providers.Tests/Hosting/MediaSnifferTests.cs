using Previz.Providers.Hosting;
using Previz.Providers.Http;
using Previz.Providers.Tests.Loopback;
using Previz.Testing;

namespace Previz.Providers.Tests.Hosting;

public sealed class MediaSnifferTests
{
    [Fact]
    public void Known_signatures_are_recognised()
    {
        Assert.Equal((MediaKind.Video, "mp4", "video/mp4"), MediaSniffer.Identify(Media.Mp4(16)));
        Assert.Equal((MediaKind.Video, "webm", "video/webm"), MediaSniffer.Identify([0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81]));
        Assert.Equal((MediaKind.Image, "png", "image/png"), MediaSniffer.Identify(Media.Png()));
        Assert.Equal((MediaKind.Image, "jpeg", "image/jpeg"), MediaSniffer.Identify([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]));
        Assert.Equal((MediaKind.Image, "webp", "image/webp"), MediaSniffer.Identify("RIFF\0\0\0\0WEBPVP8 "u8));
    }

    [Fact]
    public void Text_and_json_are_not_media()
    {
        Assert.Null(MediaSniffer.Identify("<!DOCTYPE html>"u8));
        Assert.Null(MediaSniffer.Identify("{\"detail\":\"x\"}"u8));
        Assert.Null(MediaSniffer.Identify([]));
    }
}
