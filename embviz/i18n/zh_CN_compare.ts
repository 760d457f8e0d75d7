<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BigWindowButton</name>
    <message>
        <location filename="../gui/compare/parts.py" line="426"/>
        <source>Show the comparison in a large window of its own, or dock it back</source>
        <translation>在单独的大窗口中显示比较结果，或放回停靠栏</translation>
    </message>
    <message>
        <location filename="../gui/compare/parts.py" line="443"/>
        <source>Dock back</source>
        <translation>放回停靠栏</translation>
    </message>
    <message>
        <location filename="../gui/compare/parts.py" line="443"/>
        <source>Big window</source>
        <translation>大窗口</translation>
    </message>
</context>
<context>
    <name>ComparePanel</name>
    <message>
        <location filename="../gui/compare/parts.py" line="40"/>
        <source>Anchors</source>
        <translation>锚点词</translation>
    </message>
    <message>
        <location filename="../gui/compare/parts.py" line="41"/>
        <source>The rotation is fitted on the N most frequent shared words; the others are held out to measure it</source>
        <translation>旋转在 N 个最常见的共有词上拟合；其余的词留作检验对齐效果</translation>
    </message>
    <message>
        <location filename="../gui/compare/parts.py" line="44"/>
        <source>k</source>
        <translation>k</translation>
    </message>
    <message>
        <location filename="../gui/compare/parts.py" line="45"/>
        <source>Neighbours compared per word (overlap@k) and listed side by side</source>
        <translation>每个词比较的近邻数（重叠率@k），也是并排列出的近邻数</translation>
    </message>
    <message>
        <location filename="../gui/compare/parts.py" line="48"/>
        <source>Dims</source>
        <translation>维度</translation>
    </message>
    <message>
        <location filename="../gui/compare/parts.py" line="49"/>
        <source>When the spaces have different dimensions: pad the smaller with zeros, or reduce the larger by PCA</source>
        <translation>两个空间维度不同时：给较小的补零，或用 PCA 把较大的降维</translation>
    </message>
    <message>
        <location filename="../gui/compare/parts.py" line="52"/>
        <source>Ignore case</source>
        <translation>忽略大小写</translation>
    </message>
    <message>
        <location filename="../gui/compare/parts.py" line="53"/>
        <source>Match “Paris” and “paris” as one word (the more frequent spelling stands for it)</source>
        <translation>把“Paris”和“paris”当作同一个词（以更常见的拼写为准）</translation>
    </message>
    <message>
        <location filename="../gui/compare/parts.py" line="57"/>
        <source>pad</source>
        <translation>补零</translation>
    </message>
    <message>
        <location filename="../gui/compare/parts.py" line="58"/>
        <source>PCA</source>
        <translation>PCA</translation>
    </message>
    <message>
        <location filename="../gui/compare/parts.py" line="75"/>
        <source>snapshot {i}, epoch {epoch:.1f}</source>
        <translation>快照 {i}，第 {epoch:.1f} 轮</translation>
    </message>
    <message>
        <location filename="../gui/compare/panel.py" line="75"/>
        <source>Choose space B and press Compare: both spaces appear here, aligned</source>
        <translation>选择空间 B 后点击“比较”：两个对齐后的空间会显示在这里</translation>
    </message>
    <message>
        <location filename="../gui/compare/panel.py" line="79"/>
        <source>Save image…</source>
        <translation>保存图片…</translation>
    </message>
    <message>
        <location filename="../gui/compare/panel.py" line="80"/>
        <source>The 3D comparison as PNG at 1920 × 1080</source>
        <translation>将三维比较图保存为 1920 × 1080 的 PNG</translation>
    </message>
    <message>
        <location filename="../gui/compare/panel.py" line="143"/>
        <source>A: {name}</source>
        <translation>A：{name}</translation>
    </message>
    <message>
        <location filename="../gui/compare/panel.py" line="152"/>
        <source>B: {name}</source>
        <translation>B：{name}</translation>
    </message>
    <message>
        <location filename="../gui/compare/panel.py" line="154"/>
        <source>Space B is ready: press Compare.</source>
        <translation>空间 B 已就绪：请点击“比较”。</translation>
    </message>
    <message>
        <location filename="../gui/compare/dialogs.py" line="24"/>
        <source>Open space B</source>
        <translation>打开空间 B</translation>
    </message>
    <message>
        <location filename="../gui/compare/dialogs.py" line="25"/>
        <source>Vector files (*.txt *.vec *.bin *.npy *.npz *.tsv *.safetensors *.kv *.model *.gz *.bz2 *.xz);;All files (*)</source>
        <translation>词向量文件 (*.txt *.vec *.bin *.npy *.npz *.tsv *.safetensors *.kv *.model *.gz *.bz2 *.xz);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../gui/compare/panel.py" line="166"/>
        <source>embedded GloVe</source>
        <translation>内置 GloVe</translation>
    </message>
    <message>
        <location filename="../gui/compare/panel.py" line="167"/>
        <location filename="../gui/compare/panel.py" line="169"/>
        <source>Loading {name}…</source>
        <translation>正在加载 {name}…</translation>
    </message>
    <message>
        <location filename="../gui/compare/panel.py" line="176"/>
        <source>Loading cancelled.</source>
        <translation>已取消加载。</translation>
    </message>
    <message>
        <location filename="../gui/compare/panel.py" line="200"/>
        <source>Nothing trained yet: train in the Train panel first.</source>
        <translation>尚未训练：请先在训练面板中训练。</translation>
    </message>
    <message>
        <location filename="../gui/compare/panel.py" line="203"/>
        <source>trained model: {name}</source>
        <translation>训练好的模型：{name}</translation>
    </message>
    <message>
        <location filename="../gui/compare/panel.py" line="210"/>
        <source>That snapshot is gone: the Train panel started a new run.</source>
        <translation>该快照已不存在：训练面板开始了新的训练。</translation>
    </message>
    <message>
        <location filename="../gui/compare/panel.py" line="226"/>
        <source>Open a vector file first: it is space A.</source>
        <translation>请先打开一个词向量文件，它就是空间 A。</translation>
    </message>
    <message>
        <location filename="../gui/compare/panel.py" line="230"/>
        <source>Choose space B first: a file, or the Train panel&apos;s model.</source>
        <translation>请先选择空间 B：一个文件，或训练面板的模型。</translation>
    </message>
    <message>
        <location filename="../gui/compare/panel.py" line="243"/>
        <source>Comparing…</source>
        <translation>正在比较…</translation>
    </message>
    <message>
        <location filename="../gui/compare/panel.py" line="260"/>
        <location filename="../gui/compare/panel.py" line="265"/>
        <source>Comparison cancelled.</source>
        <translation>已取消比较。</translation>
    </message>
    <message>
        <location filename="../gui/compare/panel.py" line="271"/>
        <source>Comparison failed</source>
        <translation>比较失败</translation>
    </message>
    <message>
        <location filename="../gui/compare/panel.py" line="272"/>
        <source>Comparison failed: {error}</source>
        <translation>比较失败：{error}</translation>
    </message>
    <message>
        <location filename="../gui/compare/panel.py" line="279"/>
        <source>Comparing {a} with {b}…</source>
        <translation>正在比较 {a} 与 {b}…</translation>
    </message>
    <message>
        <location filename="../gui/compare/parts.py" line="84"/>
        <source>{d} dims both</source>
        <translation>两者均为 {d} 维</translation>
    </message>
    <message>
        <location filename="../gui/compare/parts.py" line="85"/>
        <source>{a}→{b} dims, zero-padded</source>
        <translation>{a}→{b} 维，补零</translation>
    </message>
    <message>
        <location filename="../gui/compare/parts.py" line="86"/>
        <source>{a}→{b} dims, PCA</source>
        <translation>{a}→{b} 维，PCA 降维</translation>
    </message>
    <message>
        <location filename="../gui/compare/parts.py" line="90"/>
        <source>precision@1 {p1:.2f}, @5 {p5:.2f} on {n:,} held-out words</source>
        <translation>在 {n:,} 个留出词上 precision@1 为 {p1:.2f}，@5 为 {p5:.2f}</translation>
    </message>
    <message>
        <location filename="../gui/compare/parts.py" line="94"/>
        <source> (5-fold cross-validated)</source>
        <translation>（5 折交叉验证）</translation>
    </message>
    <message>
        <location filename="../gui/compare/parts.py" line="96"/>
        <source>no held-out words</source>
        <translation>没有留出词</translation>
    </message>
    <message>
        <location filename="../gui/compare/parts.py" line="97"/>
        <source>{shared:,} shared words · {anchors:,} anchors · {dims} · {held}</source>
        <translation>{shared:,} 个共有词 · {anchors:,} 个锚点词 · {dims} · {held}</translation>
    </message>
    <message>
        <location filename="../gui/compare/dialogs.py" line="37"/>
        <source>Save comparison image</source>
        <translation>保存比较图</translation>
    </message>
    <message>
        <location filename="../gui/compare/dialogs.py" line="39"/>
        <source>PNG image (*.png);;JPEG image (*.jpg)</source>
        <translation>PNG 图片 (*.png);;JPEG 图片 (*.jpg)</translation>
    </message>
    <message>
        <location filename="../gui/compare/panel.py" line="338"/>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <location filename="../gui/compare/panel.py" line="340"/>
        <source>{path}: could not write the image</source>
        <translation>{path}：无法写入图片</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <location filename="../gui/compare/view.py" line="147"/>
        <source>A→B: where a word moved</source>
        <translation>A→B：词移动到的位置</translation>
    </message>
    <message>
        <location filename="../gui/compare/view.py" line="150"/>
        <source>Drag to rotate · click a point to compare its neighbours</source>
        <translation>拖动可旋转 · 点击一个点可比较它的近邻</translation>
    </message>
</context>
<context>
    <name>MovedTable</name>
    <message>
        <location filename="../gui/compare/parts.py" line="317"/>
        <source>Most moved</source>
        <translation>移动最多的词</translation>
    </message>
    <message>
        <location filename="../gui/compare/parts.py" line="318"/>
        <source>Least moved</source>
        <translation>移动最少的词</translation>
    </message>
    <message>
        <location filename="../gui/compare/parts.py" line="319"/>
        <source>Lowest cosine after alignment first, or highest</source>
        <translation>按对齐后的余弦相似度从低到高，或从高到低排列</translation>
    </message>
    <message>
        <location filename="../gui/compare/parts.py" line="329"/>
        <source>Word</source>
        <translation>词</translation>
    </message>
    <message>
        <location filename="../gui/compare/parts.py" line="329"/>
        <source>Cosine</source>
        <translation>余弦</translation>
    </message>
    <message>
        <location filename="../gui/compare/parts.py" line="330"/>
        <source>Overlap@{k}</source>
        <translation>重叠率@{k}</translation>
    </message>
    <message>
        <location filename="../gui/compare/parts.py" line="332"/>
        <source>Cosine between the word&apos;s aligned A vector and its B vector</source>
        <translation>该词对齐后的 A 向量与其 B 向量之间的余弦相似度</translation>
    </message>
    <message>
        <location filename="../gui/compare/parts.py" line="334"/>
        <source>Share of its {k} nearest words in A that are among its {k} nearest in B</source>
        <translation>它在 A 中的 {k} 个近邻里，同时也是它在 B 中 {k} 个近邻的比例</translation>
    </message>
</context>
<context>
    <name>NeighboursTable</name>
    <message>
        <location filename="../gui/compare/parts.py" line="371"/>
        <source>Nearest in A</source>
        <translation>A 中的近邻</translation>
    </message>
    <message>
        <location filename="../gui/compare/parts.py" line="371"/>
        <source>Nearest in B</source>
        <translation>B 中的近邻</translation>
    </message>
    <message>
        <location filename="../gui/compare/parts.py" line="372"/>
        <source>The selected word&apos;s nearest shared words in each space; bold: in both lists</source>
        <translation>所选词在两个空间中最近的共有词；粗体表示两边都有</translation>
    </message>
    <message>
        <location filename="../gui/compare/parts.py" line="399"/>
        <source>{w} is near “{s}” in both spaces</source>
        <translation>在两个空间中，{w} 都靠近“{s}”</translation>
    </message>
    <message>
        <location filename="../gui/compare/parts.py" line="402"/>
        <source>“{w}” in A</source>
        <translation>A：“{w}”</translation>
    </message>
    <message>
        <location filename="../gui/compare/parts.py" line="403"/>
        <source>in B: {n} common</source>
        <translation>B：{n} 个相同</translation>
    </message>
    <message>
        <location filename="../gui/compare/parts.py" line="405"/>
        <source>The nearest shared words to “{w}” in A</source>
        <translation>A 中离“{w}”最近的共有词</translation>
    </message>
</context>
<context>
    <name>Panels</name>
    <message>
        <location filename="../gui/compare/panel.py" line="52"/>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
</context>
<context>
    <name>RunControls</name>
    <message>
        <location filename="../gui/compare/parts.py" line="266"/>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <location filename="../gui/compare/parts.py" line="267"/>
        <source>Align A onto B and find the words that moved</source>
        <translation>把 A 对齐到 B，找出移动了的词</translation>
    </message>
    <message>
        <location filename="../gui/compare/parts.py" line="268"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>SpacesBox</name>
    <message>
        <location filename="../gui/compare/parts.py" line="137"/>
        <source>B: choose a file or a trained model</source>
        <translation>B：请选择文件或训练好的模型</translation>
    </message>
    <message>
        <location filename="../gui/compare/parts.py" line="138"/>
        <source>Open B file…</source>
        <translation>打开 B 文件…</translation>
    </message>
    <message>
        <location filename="../gui/compare/parts.py" line="139"/>
        <source>Read space B from a vector file (as File → Open)</source>
        <translation>从词向量文件读取空间 B（与“文件 → 打开”相同）</translation>
    </message>
    <message>
        <location filename="../gui/compare/parts.py" line="157"/>
        <source>A: nothing open yet (File → Open)</source>
        <translation>A：尚未打开文件（文件 → 打开）</translation>
    </message>
    <message>
        <location filename="../gui/compare/parts.py" line="159"/>
        <source>A (open file): {name}, {n:,} × {dim}</source>
        <translation>A（当前文件）：{name}，{n:,} × {dim}</translation>
    </message>
    <message>
        <location filename="../gui/compare/parts.py" line="166"/>
        <source>B: {name}, {n:,} × {dim}</source>
        <translation>B：{name}，{n:,} × {dim}</translation>
    </message>
    <message>
        <location filename="../gui/compare/parts.py" line="185"/>
        <source>Train panel: nothing trained yet</source>
        <translation>训练面板：尚未训练</translation>
    </message>
    <message>
        <location filename="../gui/compare/parts.py" line="187"/>
        <source>Train word2vec in the Train panel to compare its vectors</source>
        <translation>先在训练面板中训练 word2vec，才能比较它的词向量</translation>
    </message>
    <message>
        <location filename="../gui/compare/parts.py" line="190"/>
        <source>Use the Train panel&apos;s trained model, or one of its snapshots (only the watched words), as space B</source>
        <translation>用训练面板训练好的模型或它的某个快照（仅含观察词）作为空间 B</translation>
    </message>
    <message>
        <location filename="../gui/compare/parts.py" line="192"/>
        <source>From the Train panel…</source>
        <translation>来自训练面板…</translation>
    </message>
    <message>
        <location filename="../gui/compare/parts.py" line="194"/>
        <source>Trained model ({n:,} words)</source>
        <translation>训练好的模型（{n:,} 个词）</translation>
    </message>
    <message>
        <location filename="../gui/compare/parts.py" line="196"/>
        <source>Snapshot {i}: epoch {epoch:.1f}</source>
        <translation>快照 {i}：第 {epoch:.1f} 轮</translation>
    </message>
</context>
</TS>
