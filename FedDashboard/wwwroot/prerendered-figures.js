// Draws the charts a prerendered page carries in data-figure, so they show before the page's circuit is up.
// plotly.js is fetched only when the page has such a chart; the interactive render later replaces each with its live chart.
(() => {
    const charts = [...document.querySelectorAll('[data-figure]')];
    if (charts.length === 0) return;
    const draw = () => charts.filter(chart => chart.isConnected).forEach(chart => {
        const figure = JSON.parse(chart.dataset.figure);
        window.Plotly.newPlot(chart, figure.data, figure.layout, figure.config);
    });
    if (window.Plotly) {
        draw();
        return;
    }
    const script = document.createElement('script');
    script.src = charts[0].dataset.plotly;
    script.onload = draw;
    document.head.appendChild(script);
})();
