/*
 * previz-media: probe, remux and poster in-process with FFmpeg's libraries. See previz_media.h.
 *
 * Each function mirrors what the ffprobe/ffmpeg command it replaces does, step by step, so the figures and files are
 * the same as the processes' (the C# side falls back to those processes when this library is missing).
 */
#define _GNU_SOURCE /* uselocale, newlocale */
#include "previz_media.h"

#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/avutil.h>
#include <libavutil/mathematics.h>
#include <libavutil/pixdesc.h>
#include <libswscale/swscale.h>

#include <errno.h>
#include <locale.h>
#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define EXPORT __attribute__((visibility("default")))
#define PREVIZ_MEDIA_VERSION 3

_Static_assert(sizeof(pvm_video_info) == 176, "pvm_video_info is mirrored in C#: keep its size");

/* ---- once per process: a silent log and a "C" locale ---------------------------------------------------------- */

static pthread_once_t initialized = PTHREAD_ONCE_INIT;
static locale_t c_numbers;
static char version[160];

/* FFmpeg logs from the thread that does the work: each call collects the error lines of its own thread here, to
 * explain a failure ("moov atom not found") better than the return code alone ("Invalid data found"). */
static __thread int log_capturing;
static __thread char log_tail[512];

/* The caller's cancel flag for the call running on this thread (NULL: none). */
static __thread const int *call_cancel;

static void capture_log(void *context, int level, const char *format, va_list args)
{
    (void)context;
    if (!log_capturing || level > AV_LOG_ERROR) {
        return;
    }

    char line[256];
    vsnprintf(line, sizeof line, format, args);
    size_t length = strlen(line);
    while (length > 0 && (line[length - 1] == '\n' || line[length - 1] == ' ' || line[length - 1] == '.')) {
        line[--length] = '\0';
    }

    size_t used = strlen(log_tail);
    if (length == 0 || used + 3 >= sizeof log_tail || strstr(log_tail, line) != NULL) {
        return; /* the first lines name the cause; decoders repeat theirs for every broken packet */
    }

    snprintf(log_tail + used, sizeof log_tail - used, "%s%s", used ? "; " : "", line);
}

static void initialize(void)
{
    /* Nothing reaches stderr: a long-lived server calls this thousands of times, and errors come back to the caller. */
    av_log_set_callback(capture_log);
    c_numbers = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
    unsigned f = avformat_version(), c = avcodec_version(), u = avutil_version(), s = swscale_version();
    snprintf(version, sizeof version, "previz-media %d (Lavf%u.%u.%u, Lavc%u.%u.%u, Lavu%u.%u.%u, SwS%u.%u.%u)",
             PREVIZ_MEDIA_VERSION, AV_VERSION_MAJOR(f), AV_VERSION_MINOR(f), AV_VERSION_MICRO(f), AV_VERSION_MAJOR(c),
             AV_VERSION_MINOR(c), AV_VERSION_MICRO(c), AV_VERSION_MAJOR(u), AV_VERSION_MINOR(u), AV_VERSION_MICRO(u),
             AV_VERSION_MAJOR(s), AV_VERSION_MINOR(s), AV_VERSION_MICRO(s));
}

static void begin_call(const int *cancel, char *error, int error_size)
{
    pthread_once(&initialized, initialize);
    call_cancel = cancel;
    log_tail[0] = '\0';
    log_capturing = 1;
    if (error != NULL && error_size > 0) {
        error[0] = '\0';
    }
}

static int end_call(int code)
{
    log_capturing = 0;
    call_cancel = NULL;
    return code;
}

static int flag_set(const int *flag)
{
    return flag != NULL && __atomic_load_n(flag, __ATOMIC_RELAXED) != 0;
}

/* Checked between packets, and by FFmpeg's I/O while opening and reading. */
static int cancelled(void)
{
    return flag_set(call_cancel);
}

static int interrupt_callback(void *flag)
{
    return flag_set((const int *)flag);
}

/* Writes "what: FFmpeg's reason (its log lines)" into the caller's buffer and returns code. */
static int fail(char *error, int error_size, int code, const char *what, int averror)
{
    if (error != NULL && error_size > 0) {
        char reason[AV_ERROR_MAX_STRING_SIZE] = "";
        if (averror < 0) {
            av_strerror(averror, reason, sizeof reason);
        }

        snprintf(error, (size_t)error_size, "%s%s%s%s%s%s", what, reason[0] ? ": " : "", reason,
                 log_tail[0] ? " (" : "", log_tail, log_tail[0] ? ")" : "");
    }

    return code;
}

/* ffprobe prints seconds with "%f": round the same way, so both paths give equal figures. */
static double round_like_ffprobe(double seconds)
{
    char text[64];
    locale_t previous = uselocale(c_numbers ? c_numbers : LC_GLOBAL_LOCALE);
    snprintf(text, sizeof text, "%f", seconds);
    double rounded = strtod(text, NULL);
    uselocale(previous);
    return rounded;
}

/* ---- shared steps ------------------------------------------------------------------------------------------------ */

/* What a call needs of an input, where an MP4/MOV's header alone may give it (header_is_enough); where it does not,
 * avformat_find_stream_info reads it as ffprobe and ffmpeg do, opening decoders and decoding the first frames. */
enum stream_info {
    /* A call using just the video stream. */
    STREAM_INFO_VIDEO,
    /* A call copying the video and audio streams. */
    STREAM_INFO_VIDEO_AND_AUDIO,
    /* A probe, which also reports the video's frame rates (a constant rate's are in an MP4 header). */
    STREAM_INFO_VIDEO_AND_RATES,
};

/* Whether an MP4/MOV's header alone gives what the call needs, so the decoding avformat_find_stream_info does can be
 * skipped: codec, picture size and start time of every video stream and, where audio is copied too, codec, sample
 * rate, channels and frame size of every audio stream (an MP4 header does not give AAC's frame size, and the MP4 muxer
 * times audio by it). Not the pixel format, which only decoding tells: a probe takes it from its own decoder, the
 * other calls do not use it. On a vendor's 1080p clip that decoding was 14 of a packet count's 17 ms and 9 of a stream
 * copy's 13 ms; the copies and posters are byte for byte the same, the figures ffprobe's. */
static int header_is_enough(const AVFormatContext *input, enum stream_info need)
{
    if (strcmp(input->iformat->name, "mov,mp4,m4a,3gp,3g2,mj2") != 0) {
        return 0;
    }

    for (unsigned i = 0; i < input->nb_streams; i++) {
        const AVStream *stream = input->streams[i];
        const AVCodecParameters *parameters = stream->codecpar;
        int video = parameters->codec_type == AVMEDIA_TYPE_VIDEO;
        int audio = parameters->codec_type == AVMEDIA_TYPE_AUDIO && need == STREAM_INFO_VIDEO_AND_AUDIO;
        if (!video && !audio) {
            continue;
        }

        if (parameters->codec_id == AV_CODEC_ID_NONE || stream->start_time == AV_NOPTS_VALUE) {
            return 0;
        }

        if (video && (parameters->width <= 0 || parameters->height <= 0)) {
            return 0;
        }

        if (video && need == STREAM_INFO_VIDEO_AND_RATES
            && (stream->avg_frame_rate.num <= 0 || stream->avg_frame_rate.den <= 0 || stream->r_frame_rate.num <= 0
                || stream->r_frame_rate.den <= 0)) {
            return 0;
        }

        if (audio && (parameters->sample_rate <= 0 || parameters->ch_layout.nb_channels <= 0 || parameters->frame_size <= 0)) {
            return 0;
        }
    }

    return 1;
}

/* The file's start in AV_TIME_BASE units: the container's, or, where avformat_find_stream_info did not run to work it
 * out, the earliest of its streams' starts, as that would have; 0 when unknown. */
static int64_t file_start(const AVFormatContext *input)
{
    if (input->start_time != AV_NOPTS_VALUE) {
        return input->start_time;
    }

    int64_t start = AV_NOPTS_VALUE;
    for (unsigned i = 0; i < input->nb_streams; i++) {
        const AVStream *stream = input->streams[i];
        if (stream->start_time != AV_NOPTS_VALUE) {
            int64_t at = av_rescale_q(stream->start_time, stream->time_base, AV_TIME_BASE_Q);
            start = start == AV_NOPTS_VALUE || at < start ? at : start;
        }
    }

    return start != AV_NOPTS_VALUE ? start : 0;
}

/* Opens the file and reads its stream info as far as the call needs it (see enum stream_info). */
static int open_input(const char *path, enum stream_info need, AVFormatContext **opened, char *error, int error_size)
{
    AVDictionary *options = NULL;
    av_dict_set(&options, "scan_all_pmts", "1", 0); /* as ffprobe and ffmpeg set it */
    /* Local files only: a downloaded playlist must not make the server fetch URLs. */
    av_dict_set(&options, "protocol_whitelist", "file", 0);
    AVFormatContext *input = avformat_alloc_context();
    if (input == NULL) {
        av_dict_free(&options);
        return fail(error, error_size, PVM_ERROR, "out of memory", AVERROR(ENOMEM));
    }

    input->interrupt_callback = (AVIOInterruptCB){interrupt_callback, (void *)call_cancel};
    int ret = avformat_open_input(&input, path, NULL, &options); /* frees input when it fails */
    av_dict_free(&options);
    if (ret < 0) {
        return cancelled() ? fail(error, error_size, PVM_CANCELLED, "cancelled", 0)
                           : fail(error, error_size, PVM_ERROR, "cannot open it", ret);
    }

    ret = header_is_enough(input, need) ? 0 : avformat_find_stream_info(input, NULL);
    if (ret < 0 || cancelled()) {
        avformat_close_input(&input);
        return cancelled() ? fail(error, error_size, PVM_CANCELLED, "cancelled", 0)
                           : fail(error, error_size, PVM_ERROR, "cannot read its streams", ret);
    }

    *opened = input;
    return PVM_OK;
}

/* "0:v:0" / "0:a:0": the first stream of that type, by index. */
static int first_stream(const AVFormatContext *input, enum AVMediaType type)
{
    for (unsigned i = 0; i < input->nb_streams; i++) {
        if (input->streams[i]->codecpar->codec_type == type) {
            return (int)i;
        }
    }

    return -1;
}

static int open_decoder(const AVStream *stream, AVCodecContext **opened)
{
    const AVCodec *codec = avcodec_find_decoder(stream->codecpar->codec_id);
    if (codec == NULL) {
        return AVERROR_DECODER_NOT_FOUND;
    }

    AVCodecContext *decoder = avcodec_alloc_context3(codec);
    if (decoder == NULL) {
        return AVERROR(ENOMEM);
    }

    int ret = avcodec_parameters_to_context(decoder, stream->codecpar);
    if (ret >= 0) {
        decoder->pkt_timebase = stream->time_base;
        /* One thread per call, as ffprobe decodes: calls already run side by side, one per job. */
        decoder->thread_count = 1;
        ret = avcodec_open2(decoder, codec, NULL);
    }

    if (ret < 0) {
        avcodec_free_context(&decoder);
        return ret;
    }

    *opened = decoder;
    return 0;
}

/* ---- probe ------------------------------------------------------------------------------------------------------- */

/* ffprobe's process_frame loop: feed the packet (an empty one drains), count what comes out, stop at the first
 * decoding error (a broken packet is skipped, not fatal). */
static void count_frames(AVCodecContext *decoder, const AVPacket *packet, AVFrame *frame, long long *frames)
{
    int packet_new = 1;
    for (;;) {
        int ret = 0, got = 0, refused = 0;
        if (packet_new) {
            ret = avcodec_send_packet(decoder, packet);
            if (ret == AVERROR(EAGAIN)) {
                ret = 0;
                refused = 1;
            } else if (ret >= 0 || ret == AVERROR_EOF) {
                ret = 0;
                packet_new = 0;
            }
        }

        if (ret >= 0) {
            ret = avcodec_receive_frame(decoder, frame);
            if (ret >= 0) {
                got = 1;
                (*frames)++;
                av_frame_unref(frame);
            } else if (ret == AVERROR(EAGAIN) || ret == AVERROR_EOF) {
                ret = 0;
                if (refused) {
                    return; /* neither side moves: never loop forever */
                }
            }
        }

        if (ret < 0 || !(got || packet_new)) {
            return;
        }
    }
}

static void copy_name(char *target, size_t size, const char *name)
{
    snprintf(target, size, "%s", name != NULL ? name : "unknown");
}

/* ffprobe -count_frames: every packet of the stream decoded; a read error ends the file, as in ffprobe, and what
 * decoded until then counts. */
static int decode_all(AVFormatContext *input, int index, AVCodecContext *decoder, AVPacket *packet, AVFrame *frame,
                      long long *frames, char *error, int error_size)
{
    while (!cancelled() && av_read_frame(input, packet) >= 0) {
        if (packet->stream_index == index) {
            count_frames(decoder, packet, frame, frames);
        }

        av_packet_unref(packet);
    }

    if (cancelled()) {
        return fail(error, error_size, PVM_CANCELLED, "cancelled", 0);
    }

    count_frames(decoder, packet, frame, frames); /* the empty packet drains the frames held back */
    return PVM_OK;
}

/* Packets only: feeds the decoder until the first frame comes out (the stream decodes), then just counts the
 * packets that are shown (an edit list's pre-roll, flagged discard, is not) and every packet of the stream, so a file
 * that ends before its index does is refused. Without a decoder (NULL) nothing is decoded at all: for a stream copy of
 * packets that were checked already. */
static int count_packets(AVFormatContext *input, int index, AVCodecContext *decoder, AVPacket *packet, AVFrame *frame,
                         long long *frames, char *error, int error_size)
{
    long long shown = 0, read = 0, decoded = decoder == NULL ? 1 : 0;
    int ret = 0;
    while (!cancelled() && (ret = av_read_frame(input, packet)) >= 0) {
        if (packet->stream_index == index) {
            read++;
            if (!(packet->flags & AV_PKT_FLAG_DISCARD)) {
                shown++;
            }

            if (decoded == 0) {
                count_frames(decoder, packet, frame, &decoded);
            }
        }

        av_packet_unref(packet);
    }

    if (cancelled()) {
        return fail(error, error_size, PVM_CANCELLED, "cancelled", 0);
    }

    if (ret != AVERROR_EOF) {
        return fail(error, error_size, PVM_ERROR, "cannot read its packets", ret);
    }

    const AVStream *stream = input->streams[index];
    if (stream->nb_frames > 0 && read < stream->nb_frames) {
        char what[128];
        snprintf(what, sizeof what, "it ends after %lld of its %lld video packets", read, (long long)stream->nb_frames);
        return fail(error, error_size, PVM_ERROR, what, 0);
    }

    if (decoded == 0) {
        count_frames(decoder, packet, frame, &decoded); /* a stream of one frame: the drain gives it */
    }

    /* A stream whose first frame does not decode counts none, as a full decode would. */
    *frames = decoded > 0 ? shown : 0;
    return PVM_OK;
}

/* packets_only: 0 decodes every frame, 1 counts packets and decodes the first frame, 2 counts packets only. */
static int probe(const char *path, pvm_video_info *info, int packets_only, char *error, int error_size)
{
    memset(info, 0, sizeof *info);
    info->stream_duration = NAN;
    info->format_duration = NAN;

    AVFormatContext *input = NULL;
    /* The pixel format, which only decoding tells, comes from the probe's own decoder (counting alone has none). */
    int code = open_input(path, packets_only == 2 ? STREAM_INFO_VIDEO : STREAM_INFO_VIDEO_AND_RATES,
                          &input, error, error_size);
    if (code != PVM_OK) {
        return code;
    }

    AVCodecContext *decoder = NULL;
    AVPacket *packet = NULL;
    AVFrame *frame = NULL;
    int index = first_stream(input, AVMEDIA_TYPE_VIDEO);
    if (index < 0) {
        code = fail(error, error_size, PVM_NO_VIDEO, "no video stream", 0);
        goto done;
    }

    AVStream *stream = input->streams[index];
    int ret = packets_only == 2 ? 0 : open_decoder(stream, &decoder);
    if (ret < 0 && ret != AVERROR_DECODER_NOT_FOUND) {
        code = fail(error, error_size, PVM_ERROR, "cannot open its video decoder", ret);
        goto done;
    }

    long long frames = 0;
    /* Without a decoder ffprobe counts no frames but still reports the stream: so do we. */
    if (decoder != NULL || packets_only == 2) {
        packet = av_packet_alloc();
        frame = decoder != NULL ? av_frame_alloc() : NULL; /* counting alone decodes nothing */
        if (packet == NULL || (decoder != NULL && frame == NULL)) {
            code = fail(error, error_size, PVM_ERROR, "out of memory", AVERROR(ENOMEM));
            goto done;
        }

        code = packets_only ? count_packets(input, index, decoder, packet, frame, &frames, error, error_size)
                            : decode_all(input, index, decoder, packet, frame, &frames, error, error_size);
        if (code != PVM_OK) {
            goto done;
        }
    }

    /* Read after decoding, as ffprobe prints them after reading the packets. */
    const AVCodecParameters *parameters = stream->codecpar;
    const AVCodecDescriptor *descriptor = avcodec_descriptor_get(parameters->codec_id);
    copy_name(info->codec, sizeof info->codec, descriptor != NULL ? descriptor->name : NULL);
    /* Where the stream info was not read, the decoder's format once a frame came out: the one that read would have set. */
    enum AVPixelFormat format = (enum AVPixelFormat)parameters->format;
    if (format == AV_PIX_FMT_NONE && decoder != NULL && frames > 0) {
        format = decoder->pix_fmt;
    }

    copy_name(info->pixel_format, sizeof info->pixel_format, av_get_pix_fmt_name(format));
    info->width = parameters->width;
    info->height = parameters->height;
    info->avg_frame_rate_num = stream->avg_frame_rate.num;
    info->avg_frame_rate_den = stream->avg_frame_rate.den;
    info->r_frame_rate_num = stream->r_frame_rate.num;
    info->r_frame_rate_den = stream->r_frame_rate.den;
    info->frames_decoded = frames;
    if (stream->duration != AV_NOPTS_VALUE) {
        info->stream_duration = round_like_ffprobe((double)stream->duration * av_q2d(stream->time_base));
    }

    if (input->duration != AV_NOPTS_VALUE) {
        info->format_duration = round_like_ffprobe((double)input->duration * av_q2d(AV_TIME_BASE_Q));
    }

    code = PVM_OK;

done:
    av_frame_free(&frame);
    av_packet_free(&packet);
    avcodec_free_context(&decoder);
    avformat_close_input(&input);
    return code;
}

/* Both exported probes: the call's set-up, the arguments checked, then probe(). */
static int probe_call(const char *path, pvm_video_info *info, int packets_only, const int *cancel, char *error,
                      int error_size)
{
    begin_call(cancel, error, error_size);
    if (path == NULL || info == NULL) {
        return end_call(fail(error, error_size, PVM_ERROR, "no path or no info to fill", AVERROR(EINVAL)));
    }

    return end_call(probe(path, info, packets_only, error, error_size));
}

EXPORT int pvm_probe(const char *path, pvm_video_info *info, const int *cancel, char *error, int error_size)
{
    return probe_call(path, info, 0, cancel, error, error_size);
}

EXPORT int pvm_probe_packets(const char *path, pvm_video_info *info, const int *cancel, char *error, int error_size)
{
    return probe_call(path, info, 1, cancel, error, error_size);
}

EXPORT int pvm_count_packets(const char *path, pvm_video_info *info, const int *cancel, char *error, int error_size)
{
    return probe_call(path, info, 2, cancel, error, error_size);
}

/* ---- remux ------------------------------------------------------------------------------------------------------- */

/* ffmpeg's stream copy keeps the input's codec tag when the MP4 muxer maps it to the same codec (avc1 stays avc1). */
static unsigned int copied_codec_tag(const AVOutputFormat *format, const AVCodecParameters *source)
{
    unsigned int tag = 0;
    if (format->codec_tag == NULL || av_codec_get_id(format->codec_tag, source->codec_tag) == source->codec_id
        || !av_codec_get_tag2(format->codec_tag, source->codec_id, &tag)) {
        return source->codec_tag;
    }

    return 0;
}

/* One output stream as ffmpeg's stream copy sets it up: parameters, time base hint, duration, rates, aspect, tags,
 * disposition and side data (a phone clip's rotation). */
static int add_copied_stream(AVFormatContext *output, const AVStream *in)
{
    AVStream *out = avformat_new_stream(output, NULL);
    if (out == NULL) {
        return AVERROR(ENOMEM);
    }

    int ret = avcodec_parameters_copy(out->codecpar, in->codecpar);
    if (ret < 0) {
        return ret;
    }

    out->codecpar->codec_tag = copied_codec_tag(output->oformat, in->codecpar);
    out->time_base = av_add_q(in->time_base, (AVRational){0, 1}); /* the input's, reduced: MP4 takes it as timescale */
    if (in->duration > 0) {
        out->duration = av_rescale_q(in->duration, in->time_base, out->time_base);
    }

    if (in->codecpar->codec_type == AVMEDIA_TYPE_VIDEO) {
        AVRational aspect = in->sample_aspect_ratio.num ? in->sample_aspect_ratio : in->codecpar->sample_aspect_ratio;
        out->sample_aspect_ratio = aspect;
        out->codecpar->sample_aspect_ratio = aspect;
        out->avg_frame_rate = in->avg_frame_rate;
        out->r_frame_rate = in->r_frame_rate;
    }

    out->disposition = in->disposition;
    ret = av_dict_copy(&out->metadata, in->metadata, AV_DICT_DONT_OVERWRITE);
    if (ret < 0) {
        return ret;
    }

    for (int i = 0; i < in->nb_side_data; i++) {
        const AVPacketSideData *side = &in->side_data[i];
        uint8_t *data = av_stream_new_side_data(out, side->type, side->size);
        if (data == NULL) {
            return AVERROR(ENOMEM);
        }

        memcpy(data, side->data, side->size);
    }

    return 0;
}

static int remux(const char *input_path, const char *output_path, int faststart, char *error, int error_size)
{
    AVFormatContext *input = NULL;
    int code = open_input(input_path, STREAM_INFO_VIDEO_AND_AUDIO, &input, error, error_size);
    if (code != PVM_OK) {
        return code;
    }

    AVFormatContext *output = NULL;
    AVDictionary *muxer_options = NULL;
    AVPacket *packet = NULL;
    /* Output stream i copies input stream source[i]: the first video, then the first audio if there is one. */
    int source[2] = {first_stream(input, AVMEDIA_TYPE_VIDEO), first_stream(input, AVMEDIA_TYPE_AUDIO)};
    int streams = source[1] >= 0 ? 2 : 1;
    int started[2] = {0, 0};
    if (source[0] < 0) {
        code = fail(error, error_size, PVM_NO_VIDEO, "no video stream", 0);
        goto done;
    }

    int ret = avformat_alloc_output_context2(&output, NULL, "mp4", output_path);
    if (ret < 0) {
        code = fail(error, error_size, PVM_ERROR, "cannot set up an MP4 output", ret);
        goto done;
    }

    /* ffmpeg copies the input's global tags and names the muxer in "encoder". */
    ret = av_dict_copy(&output->metadata, input->metadata, AV_DICT_DONT_OVERWRITE);
    if (ret >= 0) {
        ret = av_dict_set(&output->metadata, "encoder", LIBAVFORMAT_IDENT, 0);
    }

    for (int i = 0; ret >= 0 && i < streams; i++) {
        ret = add_copied_stream(output, input->streams[source[i]]);
    }

    if (ret < 0) {
        code = fail(error, error_size, PVM_ERROR, "cannot set up the output streams", ret);
        goto done;
    }

    ret = avio_open(&output->pb, output_path, AVIO_FLAG_WRITE);
    if (ret < 0) {
        code = fail(error, error_size, PVM_ERROR, "cannot create the output", ret);
        goto done;
    }

    if (faststart) {
        av_dict_set(&muxer_options, "movflags", "+faststart", 0);
    }

    ret = avformat_write_header(output, &muxer_options);
    if (ret < 0) {
        code = fail(error, error_size, PVM_ERROR, "cannot write the MP4 header", ret);
        goto done;
    }

    packet = av_packet_alloc();
    if (packet == NULL) {
        code = fail(error, error_size, PVM_ERROR, "out of memory", AVERROR(ENOMEM));
        goto done;
    }

    /* ffmpeg shifts the copy so the file starts at 0 (its ts_offset without -copyts). */
    int64_t start = file_start(input);
    /* A read error ends the input, as in ffmpeg: what was read until then is written. */
    while (!cancelled() && av_read_frame(input, packet) >= 0) {
        int target = packet->stream_index == source[0] ? 0 : (streams == 2 && packet->stream_index == source[1]) ? 1 : -1;
        /* ffmpeg's stream copy starts each stream on a keyframe: frames before it could not be decoded. */
        if (target < 0 || (!started[target] && !(packet->flags & AV_PKT_FLAG_KEY))) {
            av_packet_unref(packet);
            continue;
        }

        started[target] = 1;
        const AVStream *in = input->streams[packet->stream_index];
        int64_t shift = av_rescale_q(start, AV_TIME_BASE_Q, in->time_base);
        if (packet->pts != AV_NOPTS_VALUE) {
            packet->pts -= shift;
        }

        if (packet->dts != AV_NOPTS_VALUE) {
            packet->dts -= shift;
        }

        av_packet_rescale_ts(packet, in->time_base, output->streams[target]->time_base);
        packet->stream_index = target;
        packet->pos = -1;
        ret = av_interleaved_write_frame(output, packet); /* takes the packet's data, even on failure */
        if (ret < 0) {
            code = fail(error, error_size, PVM_ERROR, "cannot write a packet", ret);
            goto done;
        }
    }

    if (cancelled()) {
        code = fail(error, error_size, PVM_CANCELLED, "cancelled", 0);
        goto done;
    }

    ret = av_write_trailer(output); /* with faststart, moves the moov box before the media data */
    if (ret < 0) {
        code = fail(error, error_size, PVM_ERROR, "cannot finish the MP4", ret);
        goto done;
    }

    ret = avio_closep(&output->pb);
    if (ret < 0) {
        code = fail(error, error_size, PVM_ERROR, "cannot close the output", ret);
        goto done;
    }

    code = PVM_OK;

done:
    /* avformat_free_context also frees a muxer stopped between header and trailer. */
    av_packet_free(&packet);
    av_dict_free(&muxer_options);
    if (output != NULL) {
        avio_closep(&output->pb);
        avformat_free_context(output);
    }

    avformat_close_input(&input);
    return code;
}

EXPORT int pvm_remux(const char *input, const char *output, int faststart, const int *cancel, char *error,
                     int error_size)
{
    begin_call(cancel, error, error_size);
    if (input == NULL || output == NULL) {
        return end_call(fail(error, error_size, PVM_ERROR, "no input or output path", AVERROR(EINVAL)));
    }

    return end_call(remux(input, output, faststart, error, error_size));
}

/* ---- poster ------------------------------------------------------------------------------------------------------ */

/* Takes the frames the decoder has ready into shown until one is at or after target (in stream time base): 1 then,
 * 0 when it wants more input, or the decoder's AVERROR (AVERROR_EOF once drained). */
static int take_frames(AVCodecContext *decoder, AVFrame *frame, AVFrame *shown, int64_t target, int *have)
{
    for (;;) {
        int ret = avcodec_receive_frame(decoder, frame);
        if (ret < 0) {
            return ret == AVERROR(EAGAIN) ? 0 : ret;
        }

        av_frame_unref(shown);
        av_frame_move_ref(shown, frame);
        *have = 1;
        if (shown->best_effort_timestamp == AV_NOPTS_VALUE || shown->best_effort_timestamp >= target) {
            return 1;
        }
    }
}

/* Decodes from where the input stands to the first frame at or after target, leaving it in shown; the last frame of
 * the clip when none reaches it. Returns 1 with a frame, 0 without. Broken packets are skipped, as ffmpeg does.
 * Frames shown before skip_before that no other frame refers to (most B-frames) are not decoded at all: they cannot
 * change the frame at target, and in a vendor's 1080p clip about half the frames are of that kind (a poster at 1080p:
 * 62–95 ms of CPU → 38–43 ms in the media bench). */
static int decode_frame_at(AVFormatContext *input, int index, AVCodecContext *decoder, int64_t target,
                           int64_t skip_before, AVFrame *shown)
{
    AVPacket *packet = av_packet_alloc();
    AVFrame *frame = av_frame_alloc();
    int found = 0, have = 0;
    if (packet == NULL || frame == NULL) {
        goto done;
    }

    while (!found && !cancelled() && av_read_frame(input, packet) >= 0) {
        /* A decoder that says "read first" (EAGAIN) gets the same packet again once its frames are taken. */
        if (packet->stream_index == index) {
            decoder->skip_frame = packet->pts != AV_NOPTS_VALUE && packet->pts < skip_before ? AVDISCARD_NONREF : AVDISCARD_DEFAULT;
        }

        for (int attempt = 0; packet->stream_index == index && attempt < 8; attempt++) {
            int sent = avcodec_send_packet(decoder, packet);
            found = take_frames(decoder, frame, shown, target, &have) > 0;
            if (found || sent != AVERROR(EAGAIN)) {
                break;
            }
        }

        av_packet_unref(packet);
    }

    if (!found && !cancelled() && avcodec_send_packet(decoder, NULL) >= 0) {
        take_frames(decoder, frame, shown, target, &have); /* the frames held back for reordering */
    }

done:
    av_frame_free(&frame);
    av_packet_free(&packet);
    return have;
}

/* scale='min(max_width,iw)':-2 in ffmpeg: the width capped, the height following the aspect ratio to the nearest even
 * number, bicubic (ffmpeg's default for filters), to full-range 4:2:0 as the JPEG encoder wants. */
static AVFrame *scale_for_jpeg(const AVFrame *frame, int max_width, int *error)
{
    int width = max_width > 0 && frame->width > max_width ? max_width : frame->width;
    int height = (int)av_rescale(width, frame->height, (int64_t)frame->width * 2) * 2;
    if (height < 2) {
        height = 2;
    }

    AVFrame *scaled = av_frame_alloc();
    struct SwsContext *scaler = sws_getContext(frame->width, frame->height, (enum AVPixelFormat)frame->format, width,
                                               height, AV_PIX_FMT_YUVJ420P, SWS_BICUBIC, NULL, NULL, NULL);
    if (scaled == NULL || scaler == NULL) {
        *error = scaler == NULL ? AVERROR(EINVAL) : AVERROR(ENOMEM);
        goto failed;
    }

    /* The frame's own range decides, as in ffmpeg's scale filter (a full-range yuv420p clip stays as bright). */
    if (frame->color_range != AVCOL_RANGE_UNSPECIFIED) {
        int *inverse, *table, source_full, target_full, brightness, contrast, saturation;
        sws_getColorspaceDetails(scaler, &inverse, &source_full, &table, &target_full, &brightness, &contrast,
                                 &saturation);
        source_full = frame->color_range == AVCOL_RANGE_JPEG;
        sws_setColorspaceDetails(scaler, inverse, source_full, table, target_full, brightness, contrast, saturation);
    }

    scaled->format = AV_PIX_FMT_YUVJ420P;
    scaled->width = width;
    scaled->height = height;
    scaled->color_range = AVCOL_RANGE_JPEG;
    scaled->sample_aspect_ratio = frame->sample_aspect_ratio.num
        ? av_mul_q((AVRational){height * frame->width, width * frame->height}, frame->sample_aspect_ratio)
        : frame->sample_aspect_ratio;
    *error = av_frame_get_buffer(scaled, 0);
    if (*error < 0) {
        goto failed;
    }

    *error = sws_scale(scaler, (const uint8_t *const *)frame->data, frame->linesize, 0, frame->height, scaled->data,
                       scaled->linesize);
    if (*error < 0) {
        goto failed;
    }

    *error = 0;
    sws_freeContext(scaler);
    return scaled;

failed:
    sws_freeContext(scaler);
    av_frame_free(&scaled);
    return NULL;
}

/* The mjpeg encoder at a fixed quantizer, as ffmpeg's -q:v sets it; the one packet it makes is the JPEG file. */
static int encode_jpeg(AVFrame *picture, int quality, const char *output_path, char *error, int error_size)
{
    const AVCodec *codec = avcodec_find_encoder(AV_CODEC_ID_MJPEG);
    if (codec == NULL) {
        return fail(error, error_size, PVM_ERROR, "no JPEG encoder", AVERROR_ENCODER_NOT_FOUND);
    }

    AVCodecContext *encoder = avcodec_alloc_context3(codec);
    AVPacket *packet = av_packet_alloc();
    FILE *file = NULL;
    int code = PVM_ERROR, ret;
    if (encoder == NULL || packet == NULL) {
        code = fail(error, error_size, PVM_ERROR, "out of memory", AVERROR(ENOMEM));
        goto done;
    }

    encoder->width = picture->width;
    encoder->height = picture->height;
    encoder->pix_fmt = AV_PIX_FMT_YUVJ420P;
    encoder->color_range = AVCOL_RANGE_JPEG;
    encoder->sample_aspect_ratio = picture->sample_aspect_ratio;
    encoder->time_base = (AVRational){1, 25};
    encoder->thread_count = 1;
    encoder->flags |= AV_CODEC_FLAG_QSCALE;
    encoder->global_quality = quality * FF_QP2LAMBDA;
    ret = avcodec_open2(encoder, codec, NULL);
    if (ret < 0) {
        code = fail(error, error_size, PVM_ERROR, "cannot open the JPEG encoder", ret);
        goto done;
    }

    picture->pts = 0;
    picture->quality = encoder->global_quality; /* with a fixed quantizer the encoder reads it from the frame */
    ret = avcodec_send_frame(encoder, picture);
    if (ret >= 0) {
        ret = avcodec_send_frame(encoder, NULL);
    }

    if (ret >= 0) {
        ret = avcodec_receive_packet(encoder, packet);
    }

    if (ret < 0) {
        code = fail(error, error_size, PVM_ERROR, "cannot encode the JPEG", ret);
        goto done;
    }

    file = fopen(output_path, "wb");
    if (file == NULL) {
        code = fail(error, error_size, PVM_ERROR, "cannot create the JPEG file", AVERROR(errno));
        goto done;
    }

    size_t written = fwrite(packet->data, 1, (size_t)packet->size, file);
    int closed = fclose(file);
    if (written != (size_t)packet->size || closed != 0) {
        code = fail(error, error_size, PVM_ERROR, "cannot write the JPEG file", AVERROR(EIO));
        goto done;
    }

    code = PVM_OK;

done:
    av_packet_free(&packet);
    avcodec_free_context(&encoder);
    return code;
}

static int poster(const char *input_path, const char *output_path, double seconds, int max_width, int quality,
                  char *error, int error_size)
{
    AVFormatContext *input = NULL;
    int code = open_input(input_path, STREAM_INFO_VIDEO, &input, error, error_size);
    if (code != PVM_OK) {
        return code;
    }

    AVCodecContext *decoder = NULL;
    AVFrame *shown = av_frame_alloc();
    AVFrame *scaled = NULL;
    int index = first_stream(input, AVMEDIA_TYPE_VIDEO);
    if (index < 0) {
        code = fail(error, error_size, PVM_NO_VIDEO, "no video stream", 0);
        goto done;
    }

    if (shown == NULL) {
        code = fail(error, error_size, PVM_ERROR, "out of memory", AVERROR(ENOMEM));
        goto done;
    }

    int ret = open_decoder(input->streams[index], &decoder);
    if (ret < 0) {
        code = fail(error, error_size, PVM_ERROR, "cannot open its video decoder", ret);
        goto done;
    }

    /* ffmpeg's input -ss: seek (any stream) to the keyframe at or before the time counted from the file's start; a
     * file that cannot seek is decoded from its start. */
    int64_t at = (int64_t)llround((seconds > 0 ? seconds : 0) * AV_TIME_BASE);
    int64_t start = file_start(input);
    at += start;

    avformat_seek_file(input, -1, INT64_MIN, at, at, 0);
    AVStream *stream = input->streams[index];
    int64_t target = av_rescale_q(at, AV_TIME_BASE_Q, stream->time_base);
    /* Skipping is safe only where a frame at or after target is sure to follow: not for a time at or past the end,
     * whose poster is the clip's last frame, maybe one of those B-frames. Two frames of margin. */
    int64_t skip_before = INT64_MIN;
    if (stream->duration != AV_NOPTS_VALUE && stream->avg_frame_rate.num > 0 && stream->avg_frame_rate.den > 0) {
        int64_t first = stream->start_time != AV_NOPTS_VALUE ? stream->start_time : 0;
        int64_t frame = av_rescale_q(1, av_inv_q(stream->avg_frame_rate), stream->time_base);
        if (target + 2 * frame < first + stream->duration) {
            skip_before = target;
        }
    }

    int decoded = decode_frame_at(input, index, decoder, target, skip_before, shown);
    if (!decoded && at > start && !cancelled()) {
        /* The seek landed where no keyframe follows (an MPEG-TS without an index, say), where ffmpeg writes nothing:
         * decode from the start instead. */
        avformat_seek_file(input, -1, INT64_MIN, start, start, 0);
        avcodec_flush_buffers(decoder);
        decoded = decode_frame_at(input, index, decoder, target, skip_before, shown);
    }

    if (cancelled()) {
        code = fail(error, error_size, PVM_CANCELLED, "cancelled", 0);
        goto done;
    }

    if (!decoded) {
        code = fail(error, error_size, PVM_ERROR, "no video frame decodes", 0);
        goto done;
    }

    scaled = scale_for_jpeg(shown, max_width, &ret);
    if (scaled == NULL) {
        code = fail(error, error_size, PVM_ERROR, "cannot scale the frame", ret);
        goto done;
    }

    code = encode_jpeg(scaled, quality, output_path, error, error_size);

done:
    av_frame_free(&scaled);
    av_frame_free(&shown);
    avcodec_free_context(&decoder);
    avformat_close_input(&input);
    return code;
}

EXPORT int pvm_poster(const char *input, const char *output_jpeg, double seconds, int max_width, int quality,
                      const int *cancel, char *error, int error_size)
{
    begin_call(cancel, error, error_size);
    if (input == NULL || output_jpeg == NULL || !isfinite(seconds) || quality < 1 || quality > 31) {
        return end_call(fail(error, error_size, PVM_ERROR, "bad arguments (paths, a finite time, quality 1-31)",
                             AVERROR(EINVAL)));
    }

    return end_call(poster(input, output_jpeg, seconds, max_width, quality, error, error_size));
}

/* ---- identity ---------------------------------------------------------------------------------------------------- */

EXPORT const char *pvm_version(void)
{
    pthread_once(&initialized, initialize);
    return version;
}

EXPORT int pvm_video_info_size(void)
{
    return (int)sizeof(pvm_video_info);
}
