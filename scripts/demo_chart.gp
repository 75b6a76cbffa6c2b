# Bar chart of vmq-demo's table (demo.dat written by vmq-demo).
#   gnuplot -e "dat='demo_out/demo.dat'; png='demo_out/demo.png'" scripts/demo_chart.gp
set terminal pngcairo size 900,520 font ",11"
set output png
set title "vmq-demo: 4 VMs behind one port, one host core (simulated time)"
set ylabel "delivered Gb/s"
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.85 border -1
set boxwidth 0.9
set key top left
set grid ytics
set yrange [0:*]
plot dat using 2:xtic(1) title "software switch (copy)" lc rgb "#d95f02", \
     ''  using 3 title "VMDq (sorter + DMA)" lc rgb "#1b9e77", \
     ''  using 4 title "line rate (frame bytes)" lc rgb "#bbbbbb"
