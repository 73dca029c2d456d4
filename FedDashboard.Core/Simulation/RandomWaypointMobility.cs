namespace FedDashboard.Core.Simulation;

/// <summary>
/// Random-waypoint mobility on the square map [0, mapSize]²: each terminal walks in a straight line to a uniformly
/// chosen waypoint at a speed drawn for that leg, rests there, then sets off to the next one. State is kept as
/// parallel arrays so a step over a whole fleet touches memory in order. Deterministic for a seed; not thread-safe.
/// </summary>
public sealed class RandomWaypointMobility
{
    private readonly double[] _xs;
    private readonly double[] _ys;
    private readonly double[] _waypointXs;
    private readonly double[] _waypointYs;
    private readonly double[] _speeds;
    private readonly double[] _restSeconds;
    private readonly WaypointSettings _settings;
    private readonly Random _random;

    /// <summary>Terminals start at the given positions, heading for their first waypoint.</summary>
    public RandomWaypointMobility(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, double mapSize, WaypointSettings settings, int seed)
        : this(xs, ys, mapSize, settings, new Random(seed))
    {
    }

    private RandomWaypointMobility(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, double mapSize, WaypointSettings settings, Random random)
    {
        if (xs.Length != ys.Length) throw new ArgumentException($"xs and ys must have the same length ({xs.Length} and {ys.Length}).", nameof(ys));
        if (!(mapSize > 0 && double.IsFinite(mapSize))) throw new ArgumentOutOfRangeException(nameof(mapSize), mapSize, "The map size must be a finite number above 0.");
        ArgumentNullException.ThrowIfNull(settings);
        MapSize = mapSize;
        _settings = settings;
        _random = random;
        _xs = new double[xs.Length];
        _ys = new double[xs.Length];
        _waypointXs = new double[xs.Length];
        _waypointYs = new double[xs.Length];
        _speeds = new double[xs.Length];
        _restSeconds = new double[xs.Length];
        for (var i = 0; i < xs.Length; i++)
        {
            // FleetLayout's coverage circles reach past the map's border, so a seeded terminal may start outside it.
            _xs[i] = Math.Clamp(xs[i], 0, mapSize);
            _ys[i] = Math.Clamp(ys[i], 0, mapSize);
            StartLeg(i);
        }
    }

    public double MapSize { get; }
    public ReadOnlySpan<double> Xs => _xs;
    public ReadOnlySpan<double> Ys => _ys;

    /// <summary>Where each terminal is heading, or will head once its rest ends.</summary>
    public ReadOnlySpan<double> WaypointXs => _waypointXs;

    public ReadOnlySpan<double> WaypointYs => _waypointYs;

    /// <summary>A fleet placed uniformly at random on the map.</summary>
    public static RandomWaypointMobility Scatter(int count, double mapSize, WaypointSettings settings, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var random = new Random(seed);
        var xs = new double[count];
        var ys = new double[count];
        for (var i = 0; i < count; i++)
        {
            xs[i] = random.NextDouble() * mapSize;
            ys[i] = random.NextDouble() * mapSize;
        }
        // One generator for positions and legs: a second one with the same seed would replay the positions as waypoints.
        return new RandomWaypointMobility(xs, ys, mapSize, settings, random);
    }

    public void Advance(TimeSpan elapsed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(elapsed, TimeSpan.Zero);
        var seconds = elapsed.TotalSeconds;
        for (var i = 0; i < _xs.Length; i++) Advance(i, seconds);
    }

    private void Advance(int i, double seconds)
    {
        // A long step can finish a leg, a rest and part of the next leg, so time is spent in a loop.
        while (seconds > 0)
        {
            if (_restSeconds[i] > 0)
            {
                var rested = Math.Min(_restSeconds[i], seconds);
                _restSeconds[i] -= rested;
                seconds -= rested;
                continue;
            }

            var dx = _waypointXs[i] - _xs[i];
            var dy = _waypointYs[i] - _ys[i];
            var distance = Math.Sqrt(dx * dx + dy * dy);
            var reach = _speeds[i] * seconds;
            if (reach < distance)
            {
                var fraction = reach / distance;
                // Clamped because rounding can put a point a hair past the border of the map.
                _xs[i] = Math.Clamp(_xs[i] + dx * fraction, 0, MapSize);
                _ys[i] = Math.Clamp(_ys[i] + dy * fraction, 0, MapSize);
                return;
            }

            _xs[i] = _waypointXs[i];
            _ys[i] = _waypointYs[i];
            seconds -= distance / _speeds[i];
            _restSeconds[i] = _settings.Pause.TotalSeconds;
            StartLeg(i);
        }
    }

    private void StartLeg(int i)
    {
        _waypointXs[i] = _random.NextDouble() * MapSize;
        _waypointYs[i] = _random.NextDouble() * MapSize;
        _speeds[i] = _settings.MinSpeed + _random.NextDouble() * (_settings.MaxSpeed - _settings.MinSpeed);
    }
}
