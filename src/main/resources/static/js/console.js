// ShopOps console behaviour. No inline scripts (the Content-Security-Policy forbids them): pages declare
// what they need with data- attributes and this file wires it up.
(function () {
    'use strict';

    function csrf() {
        var token = document.querySelector('meta[name="_csrf"]');
        var header = document.querySelector('meta[name="_csrf_header"]');
        return token && header ? { header: header.content, token: token.content } : null;
    }

    // Every htmx request carries the CSRF token; an expired session sends the browser to sign in again.
    document.addEventListener('htmx:configRequest', function (event) {
        var c = csrf();
        if (c) { event.detail.headers[c.header] = c.token; }
    });
    document.addEventListener('htmx:responseError', function (event) {
        if (event.detail.xhr.status === 401) { window.location.href = '/login'; }
    });

    // Confirmations: <button data-confirm="Really archive?">
    document.addEventListener('submit', function (event) {
        var submitter = event.submitter || event.target;
        var message = (submitter && submitter.getAttribute('data-confirm')) || event.target.getAttribute('data-confirm');
        if (message && !window.confirm(message)) { event.preventDefault(); }
    }, true);

    // The sidebar folds away on small screens.
    document.addEventListener('click', function (event) {
        var toggle = event.target.closest('.nav-toggle');
        if (toggle) {
            var open = document.body.classList.toggle('nav-open');
            toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
        } else if (document.body.classList.contains('nav-open') && !event.target.closest('.sidebar')) {
            document.body.classList.remove('nav-open');
        }
    });

    // Repeating rows (the SKU rows of the product form): <button data-add-row="#rows" data-template="#row-template">
    // appends a copy of the template with __INDEX__ numbered; <button data-remove-row> removes its [data-row] and
    // renumbers the rows after it, so that names stay skus[0], skus[1], ... as the server binds them.
    function renumber(container) {
        container.querySelectorAll('[data-row]').forEach(function (row, index) {
            row.querySelectorAll('[name], [id]').forEach(function (field) {
                ['name', 'id'].forEach(function (attribute) {
                    var value = field.getAttribute(attribute);
                    if (value) { field.setAttribute(attribute, value.replace(/^(\w+)\[\d+\]/, '$1[' + index + ']')); }
                });
            });
        });
    }
    document.addEventListener('click', function (event) {
        var add = event.target.closest('[data-add-row]');
        if (add) {
            var container = document.querySelector(add.getAttribute('data-add-row'));
            var template = document.querySelector(add.getAttribute('data-template'));
            if (!container || !template) { return; }
            var index = container.querySelectorAll('[data-row]').length;
            var holder = document.createElement('tbody');
            holder.innerHTML = template.innerHTML.replace(/__INDEX__/g, String(index));
            var row = holder.firstElementChild;
            container.appendChild(row);
            var first = row.querySelector('input');
            if (first) { first.focus(); }
            return;
        }
        var remove = event.target.closest('[data-remove-row]');
        if (remove) {
            var rowToRemove = remove.closest('[data-row]');
            var rows = rowToRemove && rowToRemove.parentElement;
            if (rows) {
                rowToRemove.remove();
                renumber(rows);
            }
        }
    });

    // "Select all" for a list of checkboxes: <input type="checkbox" data-check-all="productIds">
    document.addEventListener('change', function (event) {
        var all = event.target.closest('[data-check-all]');
        if (!all) { return; }
        var scope = all.closest('form') || document;
        scope.querySelectorAll('input[type="checkbox"][name="' + all.getAttribute('data-check-all') + '"]')
            .forEach(function (box) { box.checked = all.checked; });
    });

    // Charts: <div class="chart" data-chart='{"type":"bar","labels":[...],"series":[{"name":"..","data":[..]}]}'>
    function renderCharts(root) {
        if (!window.echarts) { return; }
        root.querySelectorAll('[data-chart]').forEach(function (element) {
            var spec = JSON.parse(element.getAttribute('data-chart'));
            var chart = window.echarts.getInstanceByDom(element) || window.echarts.init(element);
            var option;
            if (spec.type === 'pie') {
                option = {
                    tooltip: { trigger: 'item' },
                    legend: { bottom: 0, type: 'scroll' },
                    series: [{ type: 'pie', radius: ['40%', '70%'], data: spec.series[0].data.map(function (v, i) {
                        return { name: spec.labels[i], value: v };
                    }) }]
                };
            } else {
                option = {
                    tooltip: { trigger: 'axis' },
                    legend: { bottom: 0 },
                    grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
                    xAxis: { type: 'category', data: spec.labels, axisLabel: { interval: 0, rotate: spec.labels.length > 6 ? 30 : 0 } },
                    yAxis: { type: 'value' },
                    series: spec.series.map(function (s) { return { name: s.name, type: spec.type || 'bar', data: s.data }; })
                };
            }
            // "whiskers": [[low, high] or null per label] draws an interval over each bar (experiment results)
            if (spec.whiskers) {
                option.series.push({
                    type: 'custom', name: spec.whiskerName || '', silent: true, z: 10,
                    data: spec.whiskers.map(function (w, i) { return w ? [i, w[0], w[1]] : [i, null, null]; }),
                    encode: { x: 0, y: [1, 2] },
                    renderItem: function (params, api) {
                        if (api.value(1) === null || isNaN(api.value(1))) { return null; }
                        var low = api.coord([api.value(0), api.value(1)]);
                        var high = api.coord([api.value(0), api.value(2)]);
                        var half = api.size([1, 0])[0] * 0.12;
                        var style = { stroke: '#1f2937', lineWidth: 1.5 };
                        return { type: 'group', children: [
                            { type: 'line', shape: { x1: low[0], y1: low[1], x2: high[0], y2: high[1] }, style: style },
                            { type: 'line', shape: { x1: low[0] - half, y1: low[1], x2: low[0] + half, y2: low[1] }, style: style },
                            { type: 'line', shape: { x1: high[0] - half, y1: high[1], x2: high[0] + half, y2: high[1] }, style: style }
                        ] };
                    }
                });
            }
            // figures, not a show: no animation, so what is drawn is at once what the data says
            option.animation = false;
            chart.setOption(option);
        });
    }
    window.addEventListener('resize', function () {
        if (!window.echarts) { return; }
        document.querySelectorAll('[data-chart]').forEach(function (element) {
            var chart = window.echarts.getInstanceByDom(element);
            if (chart) { chart.resize(); }
        });
    });
    document.addEventListener('DOMContentLoaded', function () { renderCharts(document); });
    document.addEventListener('htmx:afterSettle', function (event) { renderCharts(event.target); });
})();
