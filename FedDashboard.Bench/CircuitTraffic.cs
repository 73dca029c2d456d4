using Microsoft.Playwright;
using System.Text;

namespace FedDashboard.Bench;

/// <summary>Counts the bytes a browser page receives over its WebSockets (the Blazor circuit) from the moment it is reset.</summary>
internal sealed class CircuitTraffic
{
    private long _bytes;
    private long _frames;

    public CircuitTraffic(IPage page) => page.WebSocket += (_, socket) => socket.FrameReceived += (_, frame) => Count(frame);

    public (long Bytes, long Frames) Read() => (Interlocked.Read(ref _bytes), Interlocked.Read(ref _frames));

    public void Reset()
    {
        Interlocked.Exchange(ref _bytes, 0);
        Interlocked.Exchange(ref _frames, 0);
    }

    private void Count(IWebSocketFrame frame)
    {
        Interlocked.Add(ref _bytes, frame.Binary?.Length ?? Encoding.UTF8.GetByteCount(frame.Text ?? ""));
        Interlocked.Increment(ref _frames);
    }
}
