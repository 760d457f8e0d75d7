<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AnalogyPanel</name>
    <message>
        <location filename="../gui/panels/analogy.py" line="86"/>
        <source>Query</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../gui/panels/analogy.py" line="87"/>
        <location filename="../gui/panels/analogy.py" line="217"/>
        <source>Evaluate</source>
        <translation>评测</translation>
    </message>
    <message>
        <location filename="../gui/panels/analogy.py" line="124"/>
        <source>Words joined by + and -, with optional factors and parentheses: paris - france + italy, 2*walked - walk, woman - (king - man). A hyphen without spaces joins its words into one group (king-man is (king - man)) unless the whole is a word (e-mail)</source>
        <translation>用 + 和 - 连接的词，可加系数和括号：paris - france + italy、2*walked - walk、woman - (king - man)。不带空格的连字符把两边的词合成一组（king-man 即 (king - man)），除非整体本身就是一个词（如 e-mail）</translation>
    </message>
    <message>
        <location filename="../gui/panels/analogy.py" line="132"/>
        <source>Go</source>
        <translation>计算</translation>
    </message>
    <message>
        <location filename="../gui/panels/analogy.py" line="133"/>
        <source>Answer the expression</source>
        <translation>计算这个表达式的答案</translation>
    </message>
    <message>
        <location filename="../gui/panels/analogy.py" line="145"/>
        <source>expected answer, e.g. queen</source>
        <translation>预期答案，例如 queen</translation>
    </message>
    <message>
        <location filename="../gui/panels/analogy.py" line="147"/>
        <source>Where does this word rank, with and without the input words?</source>
        <translation>这个词排第几？分别看排除和包含输入词的情况</translation>
    </message>
    <message>
        <location filename="../gui/panels/analogy.py" line="155"/>
        <location filename="../gui/panels/analogy.py" line="302"/>
        <source>answer</source>
        <translation>答案</translation>
    </message>
    <message>
        <location filename="../gui/panels/analogy.py" line="155"/>
        <location filename="../gui/panels/analogy.py" line="321"/>
        <source>score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../gui/panels/analogy.py" line="157"/>
        <source>Double-click an answer to select it in the 3D view</source>
        <translation>双击答案，在三维视图中选中它</translation>
    </message>
    <message>
        <location filename="../gui/panels/analogy.py" line="107"/>
        <source>Expression</source>
        <translation>表达式</translation>
    </message>
    <message>
        <location filename="../gui/panels/analogy.py" line="108"/>
        <source>Analogy</source>
        <translation>类比</translation>
    </message>
    <message>
        <location filename="../gui/panels/analogy.py" line="109"/>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location filename="../gui/panels/analogy.py" line="162"/>
        <source>Slice along it</source>
        <translation>沿类比切片</translation>
    </message>
    <message>
        <location filename="../gui/panels/analogy.py" line="165"/>
        <source>3D slice with x = b − a (e.g. paris − france), z = c − a (italy − france, upright) and y the largest remaining spread: the parallelogram faces the camera</source>
        <translation>三维切片：x = b − a（如 paris − france），z = c − a（italy − france，竖直方向），y 取剩余分布最大的方向：平行四边形正对镜头</translation>
    </message>
    <message>
        <location filename="../gui/panels/analogy.py" line="111"/>
        <source>Expected</source>
        <translation>预期</translation>
    </message>
    <message>
        <location filename="../gui/panels/analogy.py" line="178"/>
        <source>a in a : b :: c : ? (man in man : king :: woman : ?)</source>
        <translation>a : b :: c : ? 中的 a（man : king :: woman : ? 中的 man）</translation>
    </message>
    <message>
        <location filename="../gui/panels/analogy.py" line="179"/>
        <source>b in a : b :: c : ? (king in man : king :: woman : ?)</source>
        <translation>a : b :: c : ? 中的 b（man : king :: woman : ? 中的 king）</translation>
    </message>
    <message>
        <location filename="../gui/panels/analogy.py" line="180"/>
        <source>c in a : b :: c : ? (woman in man : king :: woman : ?)</source>
        <translation>a : b :: c : ? 中的 c（man : king :: woman : ? 中的 woman）</translation>
    </message>
    <message>
        <location filename="../gui/panels/analogy.py" line="186"/>
        <source>Solve</source>
        <translation>求解</translation>
    </message>
    <message>
        <location filename="../gui/panels/analogy.py" line="187"/>
        <source>a : b :: c : ?  is answered as  b - a + c</source>
        <translation>a : b :: c : ?  按  b - a + c  求解</translation>
    </message>
    <message>
        <location filename="../gui/panels/analogy.py" line="198"/>
        <source>3CosAdd: cosine to the mean of unit vectors (gensim most_similar).
3CosMul: product of shifted cosines (gensim most_similar_cosmul).</source>
        <translation>3CosAdd：与单位向量之和的余弦相似度（gensim most_similar）。
3CosMul：平移后余弦相似度的乘积（gensim most_similar_cosmul）。</translation>
    </message>
    <message>
        <location filename="../gui/panels/analogy.py" line="203"/>
        <source>How many answers</source>
        <translation>显示几个答案</translation>
    </message>
    <message>
        <location filename="../gui/panels/analogy.py" line="204"/>
        <source>Include input words</source>
        <translation>包含输入词</translation>
    </message>
    <message>
        <location filename="../gui/panels/analogy.py" line="205"/>
        <source>Let the words of the expression appear among the answers</source>
        <translation>允许表达式中的词出现在答案里</translation>
    </message>
    <message>
        <location filename="../gui/panels/analogy.py" line="211"/>
        <source>top</source>
        <translation>前</translation>
    </message>
    <message>
        <location filename="../gui/panels/analogy.py" line="220"/>
        <source>Run questions-words.txt (19,544 analogies) and the WordSim-353 and SimLex-999 similarity sets on the open vectors, as gensim does</source>
        <translation>像 gensim 一样，在当前词向量上运行 questions-words.txt（19,544 道类比题）以及 WordSim-353 和 SimLex-999 相似度数据集</translation>
    </message>
    <message>
        <location filename="../gui/panels/analogy.py" line="228"/>
        <source>Only the first N words count and are searched (gensim: 300,000)</source>
        <translation>只统计和搜索前 N 个词（gensim 默认 300,000）</translation>
    </message>
    <message>
        <location filename="../gui/panels/analogy.py" line="232"/>
        <source>first</source>
        <translation>前</translation>
    </message>
    <message>
        <location filename="../gui/panels/analogy.py" line="234"/>
        <source>words</source>
        <translation>个词</translation>
    </message>
    <message>
        <location filename="../gui/panels/analogy.py" line="236"/>
        <source>Analogy accuracy per section and similarity correlations.</source>
        <translation>各类别的类比准确率，以及相似度相关系数。</translation>
    </message>
    <message>
        <location filename="../gui/panels/analogy.py" line="239"/>
        <source>section</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../gui/panels/analogy.py" line="239"/>
        <source>correct</source>
        <translation>答对</translation>
    </message>
    <message>
        <location filename="../gui/panels/analogy.py" line="239"/>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <location filename="../gui/panels/analogy.py" line="240"/>
        <source>Click a section to list the questions it got wrong</source>
        <translation>点击一个类别，列出答错的题目</translation>
    </message>
    <message>
        <location filename="../gui/panels/analogy.py" line="242"/>
        <source>similarity set</source>
        <translation>相似度数据集</translation>
    </message>
    <message>
        <location filename="../gui/panels/analogy.py" line="242"/>
        <source>pairs</source>
        <translation>词对数</translation>
    </message>
    <message>
        <location filename="../gui/panels/analogy.py" line="244"/>
        <source>Click a failure to see that analogy in 3D</source>
        <translation>点击一道错题，在三维视图中查看这个类比</translation>
    </message>
    <message>
        <location filename="../gui/panels/analogy.py" line="253"/>
        <source>Failures (expected → answered):</source>
        <translation>错题（预期 → 实际答案）：</translation>
    </message>
    <message>
        <location filename="../gui/panels/analogy.py" line="274"/>
        <location filename="../gui/panels/analogy.py" line="426"/>
        <source>Open a vector file first.</source>
        <translation>请先打开一个词向量文件。</translation>
    </message>
    <message>
        <location filename="../gui/panels/analogy.py" line="303"/>
        <location filename="../gui/panels/analogy.py" line="321"/>
        <source>cosine</source>
        <translation>余弦相似度</translation>
    </message>
    <message>
        <location filename="../gui/panels/analogy.py" line="303"/>
        <source>3CosMul score</source>
        <translation>3CosMul 得分</translation>
    </message>
    <message>
        <location filename="../gui/panels/analogy.py" line="308"/>
        <source>{word}  (input)</source>
        <translation>{word}  （输入词）</translation>
    </message>
    <message>
        <location filename="../gui/panels/analogy.py" line="323"/>
        <source>it is an input word, so it is left out</source>
        <translation>它是输入词，因此被排除</translation>
    </message>
    <message>
        <location filename="../gui/panels/analogy.py" line="325"/>
        <source>rank &lt;b&gt;{rank}&lt;/b&gt;</source>
        <translation>排第 &lt;b&gt;{rank}&lt;/b&gt; 名</translation>
    </message>
    <message>
        <location filename="../gui/panels/analogy.py" line="330"/>
        <source>, cosine to the sum {cosine}</source>
        <translation>，与和向量的余弦相似度 {cosine}</translation>
    </message>
    <message>
        <location filename="../gui/panels/analogy.py" line="334"/>
        <source>“{word}”: {where} with the inputs left out; rank {rank} with them included. {label} {score}{extra}.</source>
        <translation>“{word}”：排除输入词时{where}；包含输入词时排第 {rank} 名。{label} {score}{extra}。</translation>
    </message>
    <message>
        <location filename="../gui/panels/analogy.py" line="347"/>
        <source>the input words</source>
        <translation>输入词</translation>
    </message>
    <message>
        <location filename="../gui/panels/analogy.py" line="349"/>
        <source>Input words ({words}) are included: the nearest word to the sum is often one of them.</source>
        <translation>已包含输入词（{words}）：离和向量最近的词往往就是其中之一。</translation>
    </message>
    <message>
        <location filename="../gui/panels/analogy.py" line="352"/>
        <source>Input words ({words}) are left out of the answers by default, as gensim does. Tick “Include input words” to see them.</source>
        <translation>与 gensim 一样，输入词（{words}）默认不出现在答案中。勾选“包含输入词”即可看到它们。</translation>
    </message>
    <message>
        <location filename="../gui/panels/analogy.py" line="357"/>
        <source> Built from subwords (not in the vocabulary; fastText averages their character n-grams): {words}.</source>
        <translation> 由子词构成（不在词表中；fastText 取其字符 n-gram 向量的平均）：{words}。</translation>
    </message>
    <message>
        <location filename="../gui/panels/analogy.py" line="435"/>
        <source>Evaluating…</source>
        <translation>正在评测…</translation>
    </message>
    <message>
        <location filename="../gui/panels/analogy.py" line="436"/>
        <source>Evaluating the vectors…</source>
        <translation>正在评测词向量…</translation>
    </message>
    <message>
        <location filename="../gui/panels/analogy.py" line="454"/>
        <source>Evaluation cancelled.</source>
        <translation>评测已取消。</translation>
    </message>
    <message>
        <location filename="../gui/panels/analogy.py" line="464"/>
        <source>&lt;b&gt;{accuracy}%&lt;/b&gt; of {n} analogies right ({method}, first {restrict} words; {oov}% of the questions skipped for unknown words).</source>
        <translation>{n} 道类比题答对 &lt;b&gt;{accuracy}%&lt;/b&gt;（{method}，前 {restrict} 个词；{oov}% 的题目因含未知词而跳过）。</translation>
    </message>
    <message>
        <location filename="../gui/panels/analogy.py" line="476"/>
        <source>Total accuracy</source>
        <translation>总准确率</translation>
    </message>
    <message>
        <location filename="../gui/panels/analogy.py" line="517"/>
        <source>This question has a word outside the vocabulary.</source>
        <translation>这道题含有词表之外的词。</translation>
    </message>
    <message>
        <location filename="../gui/panels/analogy.py" line="527"/>
        <source>(input)</source>
        <translation>（输入词）</translation>
    </message>
    <message>
        <location filename="../gui/panels/analogy.py" line="530"/>
        <source>{a} : {b} :: {c} : ?  answered “{predicted}”; “{d}” ranks {rank} (cosine {cosine}).</source>
        <translation>{a} : {b} :: {c} : ?  答成了“{predicted}”；“{d}”排第 {rank} 名（余弦相似度 {cosine}）。</translation>
    </message>
</context>
<context>
    <name>AnimationExport</name>
    <message>
        <location filename="../gui/training/export.py" line="150"/>
        <source>Drawing the frames…</source>
        <translation>正在绘制帧…</translation>
    </message>
    <message>
        <location filename="../gui/training/export.py" line="150"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../gui/training/export.py" line="152"/>
        <source>Export animation</source>
        <translation>导出动画</translation>
    </message>
    <message>
        <location filename="../gui/training/export.py" line="222"/>
        <source>Drawing frame {n} of {total}…</source>
        <translation>正在绘制第 {n} 帧，共 {total} 帧…</translation>
    </message>
    <message>
        <location filename="../gui/training/export.py" line="235"/>
        <source>Writing {name}…</source>
        <translation>正在写入 {name}…</translation>
    </message>
</context>
<context>
    <name>Directions</name>
    <message>
        <location filename="../gui/tour.py" line="133"/>
        <source>singular</source>
        <translation>单数</translation>
    </message>
    <message>
        <location filename="../gui/tour.py" line="134"/>
        <source>plural</source>
        <translation>复数</translation>
    </message>
</context>
<context>
    <name>DirectionsPanel</name>
    <message>
        <location filename="../gui/panels/directions.py" line="42"/>
        <source>expression</source>
        <translation>表达式</translation>
    </message>
    <message>
        <location filename="../gui/panels/directions.py" line="43"/>
        <source>mean of typed pairs</source>
        <translation>输入词对的平均</translation>
    </message>
    <message>
        <location filename="../gui/panels/directions.py" line="44"/>
        <source>questions-words section</source>
        <translation>questions-words 的类别</translation>
    </message>
    <message>
        <location filename="../gui/panels/directions.py" line="47"/>
        <source>raw dot product</source>
        <translation>原始点积</translation>
    </message>
    <message>
        <location filename="../gui/panels/directions.py" line="48"/>
        <source>unit-length direction</source>
        <translation>单位长度方向</translation>
    </message>
    <message>
        <location filename="../gui/panels/directions.py" line="49"/>
        <source>cosine</source>
        <translation>余弦相似度</translation>
    </message>
    <message>
        <location filename="../gui/panels/directions.py" line="52"/>
        <source>random directions, same norm</source>
        <translation>同样长度的随机方向</translation>
    </message>
    <message>
        <location filename="../gui/panels/directions.py" line="53"/>
        <source>random word pairs, same norm</source>
        <translation>同样长度的随机词对</translation>
    </message>
    <message>
        <location filename="../gui/panels/directions.py" line="91"/>
        <source>custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <location filename="../gui/panels/directions.py" line="92"/>
        <source>Built-in directions and the words charted against them</source>
        <translation>内置的方向，以及对照它们画出的词</translation>
    </message>
    <message>
        <location filename="../gui/panels/directions.py" line="96"/>
        <source>Define the direction by an expression, by typed pairs or by a questions-words section</source>
        <translation>用表达式、输入的词对或 questions-words 的某个类别来定义方向</translation>
    </message>
    <message>
        <location filename="../gui/panels/directions.py" line="102"/>
        <source>A word expression, e.g. cats - cat or king - queen</source>
        <translation>词的表达式，例如 cats - cat 或 king - queen</translation>
    </message>
    <message>
        <location filename="../gui/panels/directions.py" line="105"/>
        <source>cat cats, dog dogs …  (one pair a line, or comma-separated)</source>
        <translation>cat cats, dog dogs …（每行一对，或用逗号分隔）</translation>
    </message>
    <message>
        <location filename="../gui/panels/directions.py" line="108"/>
        <source>The direction is the mean of (second − first) over these pairs</source>
        <translation>方向取这些词对的（第二个 − 第一个）的平均</translation>
    </message>
    <message>
        <location filename="../gui/panels/directions.py" line="112"/>
        <source>A section of gensim&apos;s questions-words.txt: its pairs define the direction</source>
        <translation>gensim 的 questions-words.txt 中的一个类别：用它的词对来定义方向</translation>
    </message>
    <message>
        <location filename="../gui/panels/directions.py" line="126"/>
        <source>One group a line: &apos;group: word word …&apos;</source>
        <translation>每行一组：&apos;组名: 词 词 …&apos;</translation>
    </message>
    <message>
        <location filename="../gui/panels/directions.py" line="131"/>
        <source>Raw dot product as in the lesson, or normalised</source>
        <translation>课文中的原始点积，或归一化后的值</translation>
    </message>
    <message>
        <location filename="../gui/panels/directions.py" line="136"/>
        <source>What the z-scores compare against (1000 seeded random directions)</source>
        <translation>z 分数的比较基准（1000 个固定种子的随机方向）</translation>
    </message>
    <message>
        <location filename="../gui/panels/directions.py" line="138"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../gui/panels/directions.py" line="139"/>
        <source>Recompute the direction and the chart</source>
        <translation>重新计算方向和图表</translation>
    </message>
    <message>
        <location filename="../gui/panels/directions.py" line="140"/>
        <source>Use as axis</source>
        <translation>用作坐标轴</translation>
    </message>
    <message>
        <location filename="../gui/panels/directions.py" line="142"/>
        <source>Send this direction to the 3D view as one of its axes</source>
        <translation>把这个方向作为一根坐标轴送到三维视图</translation>
    </message>
    <message>
        <location filename="../gui/panels/directions.py" line="145"/>
        <source>x axis</source>
        <translation>x 轴</translation>
    </message>
    <message>
        <location filename="../gui/panels/directions.py" line="145"/>
        <source>y axis</source>
        <translation>y 轴</translation>
    </message>
    <message>
        <location filename="../gui/panels/directions.py" line="145"/>
        <source>z axis</source>
        <translation>z 轴</translation>
    </message>
    <message>
        <location filename="../gui/panels/directions.py" line="146"/>
        <source>Which axis of the 3D view the direction replaces</source>
        <translation>这个方向替换三维视图的哪一根轴</translation>
    </message>
    <message>
        <location filename="../gui/panels/directions.py" line="159"/>
        <location filename="../gui/panels/directions.py" line="379"/>
        <source>word</source>
        <translation>词</translation>
    </message>
    <message>
        <location filename="../gui/panels/directions.py" line="159"/>
        <location filename="../gui/panels/directions.py" line="380"/>
        <source>group</source>
        <translation>组</translation>
    </message>
    <message>
        <location filename="../gui/panels/directions.py" line="159"/>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../gui/panels/directions.py" line="164"/>
        <source>Bars</source>
        <translation>条形图</translation>
    </message>
    <message>
        <location filename="../gui/panels/directions.py" line="165"/>
        <source>Number line</source>
        <translation>数轴</translation>
    </message>
    <message>
        <location filename="../gui/panels/directions.py" line="166"/>
        <source>Table</source>
        <translation>表格</translation>
    </message>
    <message>
        <location filename="../gui/panels/directions.py" line="174"/>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <location filename="../gui/panels/directions.py" line="175"/>
        <source>Define by</source>
        <translation>定义方式</translation>
    </message>
    <message>
        <location filename="../gui/panels/directions.py" line="176"/>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <location filename="../gui/panels/directions.py" line="177"/>
        <source>Words</source>
        <translation>词</translation>
    </message>
    <message>
        <location filename="../gui/panels/directions.py" line="178"/>
        <source>Measure</source>
        <translation>度量</translation>
    </message>
    <message>
        <location filename="../gui/panels/directions.py" line="179"/>
        <source>Baseline</source>
        <translation>基准</translation>
    </message>
    <message>
        <location filename="../gui/panels/directions.py" line="246"/>
        <source>mean of {section} pairs</source>
        <translation>{section} 词对的平均</translation>
    </message>
    <message>
        <location filename="../gui/panels/directions.py" line="255"/>
        <source>Open vectors first.</source>
        <translation>请先打开词向量。</translation>
    </message>
    <message>
        <location filename="../gui/panels/directions.py" line="270"/>
        <source>&lt;b&gt;{label}&lt;/b&gt;, norm {norm}</source>
        <translation>&lt;b&gt;{label}&lt;/b&gt;，长度 {norm}</translation>
    </message>
    <message>
        <location filename="../gui/panels/directions.py" line="272"/>
        <source>; {n} pairs</source>
        <translation>；{n} 个词对</translation>
    </message>
    <message>
        <location filename="../gui/panels/directions.py" line="273"/>
        <source>.</source>
        <translation>。</translation>
    </message>
    <message>
        <location filename="../gui/panels/directions.py" line="276"/>
        <source> Group means: {means}.</source>
        <translation>各组平均值：{means}。</translation>
    </message>
    <message>
        <location filename="../gui/panels/directions.py" line="283"/>
        <source>Not in the vocabulary: {words}</source>
        <translation>不在词表中：{words}</translation>
    </message>
    <message>
        <location filename="../gui/panels/directions.py" line="295"/>
        <source>the direction</source>
        <translation>该方向</translation>
    </message>
    <message>
        <location filename="../gui/panels/directions.py" line="340"/>
        <source>⊢⊣ random mean ± 2σ</source>
        <translation>⊢⊣ 随机方向的均值 ± 2σ</translation>
    </message>
    <message>
        <location filename="../gui/panels/directions.py" line="353"/>
        <source>(sorted by value within each group)</source>
        <translation>（组内按数值排序）</translation>
    </message>
    <message>
        <location filename="../gui/panels/directions.py" line="382"/>
        <source>z vs random</source>
        <translation>相对随机的 z 分数</translation>
    </message>
    <message>
        <location filename="../gui/panels/directions.py" line="398"/>
        <source>Define a direction first.</source>
        <translation>请先定义一个方向。</translation>
    </message>
    <message>
        <location filename="../gui/panels/directions.py" line="403"/>
        <source>The 3D view cannot take axes in this version.</source>
        <translation>这个版本的三维视图还不能接收坐标轴。</translation>
    </message>
    <message>
        <location filename="../gui/panels/directions.py" line="413"/>
        <source> Sent to the 3D view as its {axis} axis.</source>
        <translation>已作为 {axis} 轴送到三维视图。</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../gui/error_dialog.py" line="53"/>
        <source>Something went wrong: {error}</source>
        <translation>出错了：{error}</translation>
    </message>
    <message>
        <location filename="../gui/error_dialog.py" line="58"/>
        <source>embviz is still running. The details were saved to {path}.</source>
        <translation>embviz 仍在运行。详细信息已保存到 {path}。</translation>
    </message>
    <message>
        <location filename="../gui/error_dialog.py" line="64"/>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
</context>
<context>
    <name>ExportMenu</name>
    <message>
        <location filename="../gui/export_menu.py" line="17"/>
        <source>3840 × 2160 (4K)</source>
        <translation>3840 × 2160（4K）</translation>
    </message>
    <message>
        <location filename="../gui/export_menu.py" line="18"/>
        <source>1920 × 1080 (Full HD)</source>
        <translation>1920 × 1080（全高清）</translation>
    </message>
    <message>
        <location filename="../gui/export_menu.py" line="61"/>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <location filename="../gui/export_menu.py" line="39"/>
        <source>Export 3D view</source>
        <translation>导出三维视图</translation>
    </message>
    <message>
        <location filename="../gui/export_menu.py" line="41"/>
        <source>Size:</source>
        <translation>尺寸：</translation>
    </message>
    <message>
        <location filename="../gui/export_menu.py" line="45"/>
        <source>PNG image (*.png);;JPEG image (*.jpg)</source>
        <translation>PNG 图像 (*.png);;JPEG 图像 (*.jpg)</translation>
    </message>
    <message>
        <location filename="../gui/export_menu.py" line="52"/>
        <source>Export turntable</source>
        <translation>导出旋转动画</translation>
    </message>
    <message>
        <location filename="../gui/export_menu.py" line="54"/>
        <source>Animated GIF (*.gif)</source>
        <translation>GIF 动画 (*.gif)</translation>
    </message>
    <message>
        <location filename="../gui/export_menu.py" line="62"/>
        <source>3D view as &amp;image…</source>
        <translation>三维视图导出为图像(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../gui/export_menu.py" line="63"/>
        <source>Render the 3D view at up to 4K, labels included</source>
        <translation>以最高 4K 分辨率渲染三维视图，包括标签</translation>
    </message>
    <message>
        <location filename="../gui/export_menu.py" line="65"/>
        <source>3D &amp;turntable as GIF…</source>
        <translation>三维旋转动画导出为 GIF(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../gui/export_menu.py" line="66"/>
        <source>A full turn of the 3D view as an animated GIF</source>
        <translation>三维视图旋转一整圈，保存为 GIF 动画</translation>
    </message>
    <message>
        <location filename="../gui/export_menu.py" line="70"/>
        <source>Training &amp;animation as GIF/MP4…</source>
        <translation>训练动画导出为 GIF/MP4(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../gui/export_menu.py" line="71"/>
        <source>The Train panel&apos;s recorded run, snapshot by snapshot, as an animated GIF (or MP4 when ffmpeg is installed)</source>
        <translation>把“训练”面板记录的训练过程逐个快照保存为 GIF 动画（装有 ffmpeg 时也可保存为 MP4）</translation>
    </message>
    <message>
        <location filename="../gui/export_menu.py" line="81"/>
        <source>{panel} panel as PNG or SVG…</source>
        <translation>“{panel}”面板导出为 PNG 或 SVG…</translation>
    </message>
    <message>
        <location filename="../gui/export_menu.py" line="77"/>
        <source>PNG at 3840 pixels wide, or SVG (vector) by the file extension</source>
        <translation>按文件扩展名保存为 3840 像素宽的 PNG，或 SVG（矢量图）</translation>
    </message>
    <message>
        <location filename="../gui/export_menu.py" line="125"/>
        <source>Export panel</source>
        <translation>导出面板</translation>
    </message>
    <message>
        <location filename="../gui/export_menu.py" line="127"/>
        <source>PNG image (*.png);;SVG vector (*.svg)</source>
        <translation>PNG 图像 (*.png);;SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <location filename="../gui/export_menu.py" line="136"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../gui/export_menu.py" line="139"/>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
</context>
<context>
    <name>ExportOptionsDialog</name>
    <message>
        <location filename="../gui/training/export.py" line="45"/>
        <source>1920 × 1080 (Full HD)</source>
        <translation>1920 × 1080（全高清）</translation>
    </message>
    <message>
        <location filename="../gui/training/export.py" line="280"/>
        <source>Export training animation</source>
        <translation>导出训练动画</translation>
    </message>
    <message>
        <location filename="../gui/training/export.py" line="283"/>
        <source> frames/s</source>
        <translation> 帧/秒</translation>
    </message>
    <message>
        <location filename="../gui/training/export.py" line="285"/>
        <source>Smoothness: 15 is smooth enough for a slide, 30 for video</source>
        <translation>流畅度：幻灯片用 15 就够流畅，视频用 30</translation>
    </message>
    <message>
        <location filename="../gui/training/export.py" line="289"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../gui/training/export.py" line="292"/>
        <source>From the initial vectors to the last snapshot (default: as fast as playback); the last state is then held {hold} s</source>
        <translation>从初始向量到最后一个快照的时长（默认与回放速度相同）；之后最终状态停留 {hold} 秒</translation>
    </message>
    <message>
        <location filename="../gui/training/export.py" line="299"/>
        <source>Pixels; text and points grow with the size</source>
        <translation>像素；文字和点随尺寸一起放大</translation>
    </message>
    <message>
        <location filename="../gui/training/export.py" line="302"/>
        <source>Frame rate</source>
        <translation>帧率</translation>
    </message>
    <message>
        <location filename="../gui/training/export.py" line="303"/>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../gui/training/export.py" line="304"/>
        <source>Size</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <location filename="../gui/training/export.py" line="309"/>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../gui/training/export.py" line="311"/>
        <source>Pick where to save it</source>
        <translation>选择保存位置</translation>
    </message>
    <message>
        <location filename="../gui/training/export.py" line="313"/>
        <source>Export nothing</source>
        <translation>不导出</translation>
    </message>
    <message>
        <location filename="../gui/training/export.py" line="336"/>
        <source>{n} frames over {snapshots} snapshots</source>
        <translation>{n} 帧，覆盖 {snapshots} 个快照</translation>
    </message>
</context>
<context>
    <name>FileOpener</name>
    <message>
        <location filename="../gui/opening.py" line="16"/>
        <source>Vector files (*.txt *.vec *.bin *.npy *.npz *.tsv *.safetensors *.kv *.model *.gz *.bz2 *.xz);;All files (*)</source>
        <translation>词向量文件 (*.txt *.vec *.bin *.npy *.npz *.tsv *.safetensors *.kv *.model *.gz *.bz2 *.xz);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../gui/opening.py" line="46"/>
        <source>Nothing loaded</source>
        <translation>未加载数据</translation>
    </message>
    <message>
        <location filename="../gui/opening.py" line="55"/>
        <source> — loaded in {secs} s</source>
        <translation> —— 加载用时 {secs} 秒</translation>
    </message>
    <message>
        <location filename="../gui/opening.py" line="60"/>
        <source>{what} — {n} words × {dim} dims{secs}</source>
        <translation>{what} —— {n} 个词 × {dim} 维{secs}</translation>
    </message>
    <message>
        <location filename="../gui/opening.py" line="74"/>
        <source>Open vectors</source>
        <translation>打开词向量</translation>
    </message>
    <message>
        <location filename="../gui/opening.py" line="84"/>
        <source>embedded default</source>
        <translation>内置默认数据</translation>
    </message>
    <message>
        <location filename="../gui/opening.py" line="85"/>
        <source>Loading {name}…</source>
        <translation>正在加载 {name}…</translation>
    </message>
    <message>
        <location filename="../gui/opening.py" line="104"/>
        <source>Cache: {problem}</source>
        <translation>缓存：{problem}</translation>
    </message>
    <message>
        <location filename="../gui/opening.py" line="116"/>
        <source>Loading cancelled</source>
        <translation>加载已取消</translation>
    </message>
    <message>
        <location filename="../gui/loading.py" line="75"/>
        <source>Could not open file</source>
        <translation>无法打开文件</translation>
    </message>
    <message>
        <location filename="../gui/loading.py" line="84"/>
        <source>Could not open the file: {error}</source>
        <translation>无法打开文件：{error}</translation>
    </message>
    <message>
        <location filename="../gui/opening.py" line="134"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>FormAndPicture</name>
    <message>
        <location filename="../gui/training/parts.py" line="290"/>
        <source>Drag to give the settings or the picture more room</source>
        <translation>拖动以调整设置区和画面的大小</translation>
    </message>
</context>
<context>
    <name>Heatmap</name>
    <message>
        <location filename="../gui/heatmap.py" line="87"/>
        <source>dimension</source>
        <translation>维度</translation>
    </message>
    <message>
        <location filename="../gui/heatmap.py" line="88"/>
        <source>position</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../gui/heatmap.py" line="106"/>
        <source>{range}. One outlier would wash the picture out: values beyond the range get the end colours</source>
        <translation>{range}。一个离群值就会让整幅图褪色：超出范围的值使用两端的颜色</translation>
    </message>
</context>
<context>
    <name>Job</name>
    <message>
        <location filename="../gui/jobs.py" line="140"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <location filename="../gui/i18n.py" line="160"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../gui/i18n.py" line="165"/>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../gui/i18n.py" line="173"/>
        <source>The interface language; takes effect when embviz starts again</source>
        <translation>界面语言；下次启动 embviz 时生效</translation>
    </message>
    <message>
        <location filename="../gui/i18n.py" line="187"/>
        <source>Language saved: it takes effect when embviz starts again.</source>
        <translation>语言设置已保存：下次启动 embviz 时生效。</translation>
    </message>
</context>
<context>
    <name>LoadChoices</name>
    <message>
        <location filename="../gui/load_choices.py" line="20"/>
        <source>Open a pickle file?</source>
        <translation>打开 pickle 文件？</translation>
    </message>
    <message>
        <location filename="../gui/load_choices.py" line="21"/>
        <source>Invalid characters</source>
        <translation>无效字符</translation>
    </message>
    <message>
        <location filename="../gui/load_choices.py" line="22"/>
        <source>File too large</source>
        <translation>文件过大</translation>
    </message>
    <message>
        <location filename="../gui/load_choices.py" line="39"/>
        <source>Open file?</source>
        <translation>打开文件？</translation>
    </message>
    <message>
        <location filename="../gui/load_choices.py" line="45"/>
        <source>Open it</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../gui/load_choices.py" line="47"/>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../gui/load_choices.py" line="71"/>
        <source>NaN or infinite values</source>
        <translation>NaN 或无穷大值</translation>
    </message>
    <message>
        <location filename="../gui/load_choices.py" line="73"/>
        <source>{bad} of {n} rows hold NaN or infinite values (the first is “{first}”). They cannot be placed in the 3D view. Drop them?</source>
        <translation>{n} 行中有 {bad} 行含有 NaN 或无穷大值（第一个是“{first}”）。它们无法放进三维视图。要删除这些行吗？</translation>
    </message>
    <message>
        <location filename="../gui/load_choices.py" line="79"/>
        <source>{bad} of {n} rows hold NaN or infinite values. They cannot be placed in the 3D view. Drop them?</source>
        <translation>{n} 行中有 {bad} 行含有 NaN 或无穷大值。它们无法放进三维视图。要删除这些行吗？</translation>
    </message>
    <message>
        <location filename="../gui/load_choices.py" line="86"/>
        <source>Drop them</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../gui/load_choices.py" line="89"/>
        <source>Keep them</source>
        <translation>保留</translation>
    </message>
</context>
<context>
    <name>LossPlot</name>
    <message>
        <location filename="../gui/training/plots.py" line="34"/>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location filename="../gui/training/plots.py" line="35"/>
        <location filename="../gui/training/plots.py" line="54"/>
        <source>loss per epoch</source>
        <translation>每轮损失</translation>
    </message>
    <message>
        <location filename="../gui/training/plots.py" line="54"/>
        <source>loss per epoch (≈, 2+ workers)</source>
        <translation>每轮损失（≈，2 个以上线程）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../gui/main_window.py" line="50"/>
        <source>Nothing loaded</source>
        <translation>未加载数据</translation>
    </message>
    <message>
        <location filename="../gui/main_window.py" line="149"/>
        <source>Unsaved trained vectors</source>
        <translation>训练好的词向量尚未保存</translation>
    </message>
    <message>
        <location filename="../gui/main_window.py" line="150"/>
        <source>The vectors you trained are not saved. Save them before quitting?</source>
        <translation>你训练的词向量还没有保存。退出前要保存吗？</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <location filename="../gui/menus.py" line="28"/>
        <source>&lt;h3&gt;embviz {version}&lt;/h3&gt;&lt;p&gt;See word embeddings: a word is a vector, and directions in the space carry meaning.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Embedded data:&lt;/b&gt; GloVe 6B 50d (top 50,000 words) by Jeffrey Pennington, Richard Socher and Christopher D. Manning, Stanford NLP (EMNLP 2014), released under the Open Data Commons Public Domain Dedication and License (PDDL 1.0).&lt;/p&gt;&lt;p&gt;Built with Qt (PySide6), pyqtgraph, NumPy and gensim.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;embviz {version}&lt;/h3&gt;&lt;p&gt;看见词嵌入：词就是向量，空间中的方向也有含义。&lt;/p&gt;&lt;p&gt;&lt;b&gt;内置数据：&lt;/b&gt;GloVe 6B 50d（前 50,000 个词），作者 Jeffrey Pennington、Richard Socher 和 Christopher D. Manning，斯坦福 NLP 组（EMNLP 2014），以 Open Data Commons 公共领域贡献与许可协议（PDDL 1.0）发布。&lt;/p&gt;&lt;p&gt;基于 Qt（PySide6）、pyqtgraph、NumPy 和 gensim 构建。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="88"/>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="122"/>
        <source>Show the {panel} panel and put the cursor in it</source>
        <translation>显示“{panel}”面板并把光标放进去</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="132"/>
        <source>&amp;Next panel</source>
        <translation>下一个面板(&amp;N)</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="133"/>
        <source>&amp;Previous panel</source>
        <translation>上一个面板(&amp;P)</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="148"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="151"/>
        <source>Open a vector file</source>
        <translation>打开一个词向量文件</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="154"/>
        <source>Open &amp;Default (GloVe 50d)</source>
        <translation>打开默认数据（GloVe 50d）(&amp;D)</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="158"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="162"/>
        <source>&amp;Reset camera</source>
        <translation>重置视角(&amp;R)</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="165"/>
        <source>&amp;Presentation mode (full screen)</source>
        <translation>演示模式（全屏）(&amp;P)</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="168"/>
        <source>Full screen for a projector; F11 or Esc leaves it</source>
        <translation>投影时全屏显示；按 F11 或 Esc 退出</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="173"/>
        <source>Show &amp;panels</source>
        <translation>显示面板(&amp;P)</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="176"/>
        <source>Hide the panels so the 3D view fills the window</source>
        <translation>隐藏面板，让三维视图占满窗口</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="182"/>
        <source>&amp;Light theme (high contrast)</source>
        <translation>浅色主题（高对比度）(&amp;L)</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="185"/>
        <source>Black on white everywhere, for bright rooms and washed-out projectors; off: light on dark</source>
        <translation>全部白底黑字，适合明亮的教室和发白的投影；关闭则为深色背景浅色字</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="194"/>
        <source>&amp;Larger text</source>
        <translation>放大文字(&amp;L)</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="199"/>
        <source>&amp;Smaller text</source>
        <translation>缩小文字(&amp;S)</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="204"/>
        <source>&amp;Normal text size</source>
        <translation>正常文字大小(&amp;N)</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="210"/>
        <source>&amp;Go to panel</source>
        <translation>转到面板(&amp;G)</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="216"/>
        <source>&amp;Add current view</source>
        <translation>添加当前视图(&amp;A)</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="219"/>
        <source>Bookmark words, slice and camera as a scene</source>
        <translation>把词、切片和视角保存为一个场景</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="222"/>
        <source>&amp;Next scene</source>
        <translation>下一个场景(&amp;N)</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="225"/>
        <source>Fly to the next scene (clickers send PgDown)</source>
        <translation>飞到下一个场景（翻页笔发送的是 PgDown）</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="228"/>
        <source>&amp;Previous scene</source>
        <translation>上一个场景(&amp;P)</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="231"/>
        <source>Fly to the previous scene</source>
        <translation>飞到上一个场景</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="234"/>
        <source>&amp;Open scenes…</source>
        <translation>打开场景(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="237"/>
        <source>Open a scene file (JSON)</source>
        <translation>打开场景文件（JSON）</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="240"/>
        <source>&amp;Save scenes…</source>
        <translation>保存场景(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="243"/>
        <source>Save the scene list as JSON</source>
        <translation>把场景列表保存为 JSON</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="249"/>
        <source>&amp;Guided tour</source>
        <translation>导览(&amp;G)</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="252"/>
        <source>Six steps through the lesson on the embedded GloVe vectors</source>
        <translation>用内置的 GloVe 词向量，分六步走完这一课</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="255"/>
        <source>&amp;About embviz</source>
        <translation>关于 embviz(&amp;A)</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="258"/>
        <source>About embviz</source>
        <translation>关于 embviz</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="265"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="266"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="267"/>
        <source>&amp;Scenes</source>
        <translation>场景(&amp;S)</translation>
    </message>
    <message>
        <location filename="../gui/menus.py" line="268"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
</context>
<context>
    <name>Panels</name>
    <message>
        <location filename="../gui/panels/analogy.py" line="42"/>
        <source>Analogy</source>
        <translation>类比</translation>
    </message>
    <message>
        <location filename="../gui/panels/posenc.py" line="44"/>
        <source>Positional encoding</source>
        <translation>位置编码</translation>
    </message>
    <message>
        <location filename="../gui/panels/search.py" line="134"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../gui/panels/slice.py" line="41"/>
        <source>3D slice</source>
        <translation>三维切片</translation>
    </message>
    <message>
        <location filename="../gui/training/panel.py" line="49"/>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../gui/panels/directions.py" line="36"/>
        <source>Directions</source>
        <translation>方向</translation>
    </message>
</context>
<context>
    <name>PosencPanel</name>
    <message>
        <location filename="../gui/panels/posenc.py" line="103"/>
        <source>d_model: the number of dimensions of each position vector</source>
        <translation>d_model：每个位置向量的维数</translation>
    </message>
    <message>
        <location filename="../gui/panels/posenc.py" line="104"/>
        <source>How many positions (tokens) to encode</source>
        <translation>要编码多少个位置（词元）</translation>
    </message>
    <message>
        <location filename="../gui/panels/posenc.py" line="111"/>
        <source>The wavelength base: 10000 in the Transformer paper</source>
        <translation>波长的底数：Transformer 论文中为 10000</translation>
    </message>
    <message>
        <location filename="../gui/panels/posenc.py" line="120"/>
        <source>interleaved</source>
        <translation>交错</translation>
    </message>
    <message>
        <location filename="../gui/panels/posenc.py" line="121"/>
        <source>concatenated</source>
        <translation>拼接</translation>
    </message>
    <message>
        <location filename="../gui/panels/posenc.py" line="123"/>
        <source>Interleaved is the paper&apos;s formula; concatenated puts all sines first</source>
        <translation>交错是论文中的公式；拼接则把所有正弦维放在前面</translation>
    </message>
    <message>
        <location filename="../gui/panels/posenc.py" line="127"/>
        <source>length</source>
        <translation>长度</translation>
    </message>
    <message>
        <location filename="../gui/panels/posenc.py" line="128"/>
        <source>base</source>
        <translation>底数</translation>
    </message>
    <message>
        <location filename="../gui/panels/posenc.py" line="129"/>
        <source>layout</source>
        <translation>排列</translation>
    </message>
    <message>
        <location filename="../gui/panels/posenc.py" line="144"/>
        <source>Sinusoidal positional encoding</source>
        <translation>正弦位置编码</translation>
    </message>
    <message>
        <location filename="../gui/panels/posenc.py" line="145"/>
        <source>Heatmap</source>
        <translation>热力图</translation>
    </message>
    <message>
        <location filename="../gui/panels/posenc.py" line="150"/>
        <source>Dimensions to plot across positions, e.g. 0 1 10 40</source>
        <translation>要沿位置画出的维度，例如 0 1 10 40</translation>
    </message>
    <message>
        <location filename="../gui/panels/posenc.py" line="153"/>
        <location filename="../gui/panels/posenc.py" line="175"/>
        <location filename="../gui/panels/posenc.py" line="373"/>
        <location filename="../gui/panels/posenc.py" line="433"/>
        <location filename="../gui/panels/posenc.py" line="438"/>
        <location filename="../gui/panels/posenc.py" line="441"/>
        <location filename="../gui/panels/posenc.py" line="445"/>
        <location filename="../gui/panels/posenc.py" line="446"/>
        <source>position</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../gui/panels/posenc.py" line="154"/>
        <source>PE value</source>
        <translation>PE 值</translation>
    </message>
    <message>
        <location filename="../gui/panels/posenc.py" line="160"/>
        <source>dimensions</source>
        <translation>维度</translation>
    </message>
    <message>
        <location filename="../gui/panels/posenc.py" line="166"/>
        <source>Waves</source>
        <translation>波形</translation>
    </message>
    <message>
        <location filename="../gui/panels/posenc.py" line="170"/>
        <source>PE · PEᵀ (dot product of positions)</source>
        <translation>PE · PEᵀ（位置之间的点积）</translation>
    </message>
    <message>
        <location filename="../gui/panels/posenc.py" line="172"/>
        <source>The position compared with all others in the line plot</source>
        <translation>折线图中与其他所有位置比较的那个位置</translation>
    </message>
    <message>
        <location filename="../gui/panels/posenc.py" line="176"/>
        <location filename="../gui/panels/posenc.py" line="194"/>
        <location filename="../gui/panels/posenc.py" line="378"/>
        <source>dot product</source>
        <translation>点积</translation>
    </message>
    <message>
        <location filename="../gui/panels/posenc.py" line="182"/>
        <source>of position</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../gui/panels/posenc.py" line="184"/>
        <source>with every position</source>
        <translation>与所有位置</translation>
    </message>
    <message>
        <location filename="../gui/panels/posenc.py" line="189"/>
        <source>Similarity</source>
        <translation>相似度</translation>
    </message>
    <message>
        <location filename="../gui/panels/posenc.py" line="195"/>
        <location filename="../gui/panels/posenc.py" line="378"/>
        <source>cosine</source>
        <translation>余弦相似度</translation>
    </message>
    <message>
        <location filename="../gui/panels/posenc.py" line="198"/>
        <source>Dot product: PE·PEᵀ as the model adds it, lengths included. Cosine: rows normalised first, so one long row or one huge entry cannot drown the rest</source>
        <translation>点积：即模型相加时的 PE·PEᵀ，包含向量长度。余弦相似度：先把每行归一化，这样某一行特别长或某个值特别大也不会掩盖其余部分</translation>
    </message>
    <message>
        <location filename="../gui/panels/posenc.py" line="219"/>
        <source>cosine(PE, PE)</source>
        <translation>余弦(PE, PE)</translation>
    </message>
    <message>
        <location filename="../gui/panels/posenc.py" line="223"/>
        <source>Load learned positions…</source>
        <translation>加载学习到的位置向量…</translation>
    </message>
    <message>
        <location filename="../gui/panels/posenc.py" line="226"/>
        <source>A .npy matrix or a .safetensors model file (tensor named *position_embeddings*)</source>
        <translation>.npy 矩阵或 .safetensors 模型文件（张量名含 *position_embeddings*）</translation>
    </message>
    <message>
        <location filename="../gui/panels/posenc.py" line="231"/>
        <source>No learned matrix loaded: showing the sinusoidal one only.</source>
        <translation>尚未加载学习到的矩阵：只显示正弦位置编码。</translation>
    </message>
    <message>
        <location filename="../gui/panels/posenc.py" line="241"/>
        <source>compare positions by</source>
        <translation>位置比较方式</translation>
    </message>
    <message>
        <location filename="../gui/panels/posenc.py" line="248"/>
        <source>Learned</source>
        <translation>学习到的</translation>
    </message>
    <message>
        <location filename="../gui/panels/posenc.py" line="254"/>
        <source>Words are looked up in the open vectors; unknown ones are listed</source>
        <translation>在当前词向量中查找这些词；找不到的词会列出来</translation>
    </message>
    <message>
        <location filename="../gui/panels/posenc.py" line="257"/>
        <source>scale tokens by √d_model</source>
        <translation>词元向量乘以 √d_model</translation>
    </message>
    <message>
        <location filename="../gui/panels/posenc.py" line="259"/>
        <source>The Transformer multiplies token embeddings by √d before adding positions</source>
        <translation>Transformer 在加上位置编码之前，先把词嵌入乘以 √d</translation>
    </message>
    <message>
        <location filename="../gui/panels/posenc.py" line="264"/>
        <source>Add the sinusoidal or the loaded learned position vectors</source>
        <translation>加上正弦位置向量，或加载的学习到的位置向量</translation>
    </message>
    <message>
        <location filename="../gui/panels/posenc.py" line="266"/>
        <source>sinusoidal positions</source>
        <translation>正弦位置编码</translation>
    </message>
    <message>
        <location filename="../gui/panels/posenc.py" line="266"/>
        <source>learned positions</source>
        <translation>学习到的位置编码</translation>
    </message>
    <message>
        <location filename="../gui/panels/posenc.py" line="287"/>
        <source>Token + position</source>
        <translation>词元 + 位置</translation>
    </message>
    <message>
        <location filename="../gui/panels/posenc.py" line="74"/>
        <source>Sizes</source>
        <translation>规模</translation>
    </message>
    <message>
        <location filename="../gui/panels/posenc.py" line="320"/>
        <source>Sinusoidal PE: {n} positions × d_model {d} ({layout})</source>
        <translation>正弦位置编码：{n} 个位置 × d_model {d}（{layout}）</translation>
    </message>
    <message>
        <location filename="../gui/panels/posenc.py" line="335"/>
        <source>not a dimension of 0…{last}: {tokens}</source>
        <translation>不是 0…{last} 之间的维度：{tokens}</translation>
    </message>
    <message>
        <location filename="../gui/panels/posenc.py" line="360"/>
        <source>dim {dim}: {fn}, wavelength {wavelength}</source>
        <translation>第 {dim} 维：{fn}，波长 {wavelength}</translation>
    </message>
    <message>
        <location filename="../gui/panels/posenc.py" line="365"/>
        <source>PE values across positions (d_model {d})</source>
        <translation>各位置上的 PE 值（d_model {d}）</translation>
    </message>
    <message>
        <location filename="../gui/panels/posenc.py" line="374"/>
        <source>{what}: similar where positions are close (d_model {d})</source>
        <translation>{what}：位置越近越相似（d_model {d}）</translation>
    </message>
    <message>
        <location filename="../gui/panels/posenc.py" line="388"/>
        <source>cosine(PE[{p}], PE[q])</source>
        <translation>余弦(PE[{p}], PE[q])</translation>
    </message>
    <message>
        <location filename="../gui/panels/posenc.py" line="390"/>
        <source>{what} for every position q</source>
        <translation>对每个位置 q 的 {what}</translation>
    </message>
    <message>
        <location filename="../gui/panels/posenc.py" line="395"/>
        <source>Learned position embeddings</source>
        <translation>学习到的位置嵌入</translation>
    </message>
    <message>
        <location filename="../gui/panels/posenc.py" line="396"/>
        <source>Position matrices (*.npy *.safetensors);;All files (*)</source>
        <translation>位置矩阵 (*.npy *.safetensors);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../gui/panels/posenc.py" line="421"/>
        <source>{name}: {n} positions × {d} dims.</source>
        <translation>{name}：{n} 个位置 × {d} 维。</translation>
    </message>
    <message>
        <location filename="../gui/panels/posenc.py" line="425"/>
        <source> Its width differs from the open vectors&apos; {dim} dims, so token + position cannot use it.</source>
        <translation> 它的宽度与当前词向量的 {dim} 维不同，因此“词元 + 位置”无法使用它。</translation>
    </message>
    <message>
        <location filename="../gui/panels/posenc.py" line="430"/>
        <source>sinusoidal ({n} × {d})</source>
        <translation>正弦（{n} × {d}）</translation>
    </message>
    <message>
        <location filename="../gui/panels/posenc.py" line="434"/>
        <source>sinusoidal {what}</source>
        <translation>正弦 {what}</translation>
    </message>
    <message>
        <location filename="../gui/panels/posenc.py" line="437"/>
        <source>(no learned matrix)</source>
        <translation>（没有学习到的矩阵）</translation>
    </message>
    <message>
        <location filename="../gui/panels/posenc.py" line="438"/>
        <location filename="../gui/panels/posenc.py" line="441"/>
        <location filename="../gui/panels/posenc.py" line="477"/>
        <location filename="../gui/panels/posenc.py" line="496"/>
        <source>dimension</source>
        <translation>维度</translation>
    </message>
    <message>
        <location filename="../gui/panels/posenc.py" line="440"/>
        <source>learned ({n} × {d})</source>
        <translation>学习到的（{n} × {d}）</translation>
    </message>
    <message>
        <location filename="../gui/panels/posenc.py" line="444"/>
        <source> (first {n} positions)</source>
        <translation>（前 {n} 个位置）</translation>
    </message>
    <message>
        <location filename="../gui/panels/posenc.py" line="447"/>
        <source>learned {what}{shown}</source>
        <translation>学习到的 {what}{shown}</translation>
    </message>
    <message>
        <location filename="../gui/panels/posenc.py" line="455"/>
        <source>Open vectors first.</source>
        <translation>请先打开词向量。</translation>
    </message>
    <message>
        <location filename="../gui/panels/posenc.py" line="459"/>
        <source>Load a learned matrix in the Learned tab first.</source>
        <translation>请先在“学习到的”标签页中加载一个矩阵。</translation>
    </message>
    <message>
        <location filename="../gui/panels/posenc.py" line="481"/>
        <source>mean |token| = {token}, mean |position| = {position}: the token part is {ratio}× the position part (d = {d}).</source>
        <translation>平均 |词元| = {token}，平均 |位置| = {position}：词元部分是位置部分的 {ratio} 倍（d = {d}）。</translation>
    </message>
    <message>
        <location filename="../gui/panels/posenc.py" line="486"/>
        <source> Not in the vectors (left out): {words}</source>
        <translation> 不在词向量中（已略去）：{words}</translation>
    </message>
    <message>
        <location filename="../gui/panels/posenc.py" line="491"/>
        <source>token</source>
        <translation>词元</translation>
    </message>
    <message>
        <location filename="../gui/panels/posenc.py" line="493"/>
        <source>+ position</source>
        <translation>+ 位置</translation>
    </message>
    <message>
        <location filename="../gui/panels/posenc.py" line="493"/>
        <source>= input</source>
        <translation>= 输入</translation>
    </message>
    <message>
        <location filename="../gui/panels/posenc_facts.py" line="25"/>
        <source>{name} (the lesson)</source>
        <translation>{name}（课文中的例子）</translation>
    </message>
    <message>
        <location filename="../gui/panels/posenc_facts.py" line="33"/>
        <source>matrix</source>
        <translation>矩阵</translation>
    </message>
    <message>
        <location filename="../gui/panels/posenc_facts.py" line="34"/>
        <source>parameters</source>
        <translation>参数量</translation>
    </message>
    <message>
        <location filename="../gui/panels/posenc_facts.py" line="35"/>
        <source>memory, {dtype}</source>
        <translation>内存，{dtype}</translation>
    </message>
    <message>
        <location filename="../gui/panels/posenc_facts.py" line="59"/>
        <source>&lt;h3&gt;The embedding matrix&lt;/h3&gt;&lt;p&gt;One row of d numbers per vocabulary word: V × d parameters, learned with the rest of the model.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;嵌入矩阵&lt;/h3&gt;&lt;p&gt;词表中每个词对应一行 d 个数：共 V × d 个参数，与模型的其余部分一起训练得到。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../gui/panels/posenc_facts.py" line="65"/>
        <source>&lt;p&gt;Memory in decimal units (1 MB = 10⁶ bytes), for the matrix alone.&lt;/p&gt;</source>
        <translation>&lt;p&gt;内存按十进制单位计算（1 MB = 10⁶ 字节），只算矩阵本身。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>RunHeader</name>
    <message>
        <location filename="../gui/training/parts.py" line="57"/>
        <source>Start training</source>
        <translation>开始训练</translation>
    </message>
    <message>
        <location filename="../gui/training/parts.py" line="59"/>
        <source>Train from new initial vectors (stops a run in progress)</source>
        <translation>从新的初始向量开始训练（会停止正在进行的训练）</translation>
    </message>
    <message>
        <location filename="../gui/training/parts.py" line="61"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../gui/training/parts.py" line="62"/>
        <source>Stop training; the snapshots so far stay</source>
        <translation>停止训练；已有的快照会保留</translation>
    </message>
    <message>
        <location filename="../gui/training/parts.py" line="68"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
</context>
<context>
    <name>SceneController</name>
    <message>
        <location filename="../gui/scenes.py" line="42"/>
        <location filename="../gui/scenes.py" line="141"/>
        <source>Scene {n}</source>
        <translation>场景 {n}</translation>
    </message>
    <message>
        <location filename="../gui/scenes.py" line="98"/>
        <source>Scene</source>
        <translation>场景</translation>
    </message>
    <message>
        <location filename="../gui/scenes.py" line="99"/>
        <source>Scene “{title}”: {error}</source>
        <translation>场景“{title}”：{error}</translation>
    </message>
    <message>
        <location filename="../gui/scenes.py" line="106"/>
        <source>Scene {n} of {total}: {title}</source>
        <translation>场景 {n}/{total}：{title}</translation>
    </message>
    <message>
        <location filename="../gui/scenes.py" line="117"/>
        <location filename="../gui/scenes.py" line="124"/>
        <source>Save scenes</source>
        <translation>保存场景</translation>
    </message>
    <message>
        <location filename="../gui/scenes.py" line="118"/>
        <source>embviz scenes (*.json)</source>
        <translation>embviz 场景 (*.json)</translation>
    </message>
    <message>
        <location filename="../gui/scenes.py" line="129"/>
        <location filename="../gui/scenes.py" line="135"/>
        <source>Open scenes</source>
        <translation>打开场景</translation>
    </message>
    <message>
        <location filename="../gui/scenes.py" line="130"/>
        <source>embviz scenes (*.json);;All files (*)</source>
        <translation>embviz 场景 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../gui/scenes.py" line="140"/>
        <source>Add scene</source>
        <translation>添加场景</translation>
    </message>
    <message>
        <location filename="../gui/scenes.py" line="140"/>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
</context>
<context>
    <name>SceneView</name>
    <message>
        <location filename="../gui/view3d.py" line="481"/>
        <source>Arrows and computed points are hidden: this layout cannot place them.</source>
        <translation>箭头和计算出的点已隐藏：这种布局无法放置它们。</translation>
    </message>
    <message>
        <location filename="../gui/view3d.py" line="489"/>
        <source>In this slice: {share} % of a word&apos;s length on average; the rest is invisible here.</source>
        <translation>在这个切片中：平均每个词有 {share} % 的长度可见；其余部分在这里看不到。</translation>
    </message>
    <message>
        <location filename="../gui/view3d.py" line="496"/>
        <source>“{word}”: {share} % of its length is in this slice (average {mean} %); the rest is invisible here.</source>
        <translation>“{word}”：它有 {share} % 的长度在这个切片中（平均 {mean} %）；其余部分在这里看不到。</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../gui/panels/search.py" line="32"/>
        <source>Find a word…</source>
        <translation>查找词…</translation>
    </message>
    <message>
        <location filename="../gui/panels/search.py" line="34"/>
        <source>Type a word and press Enter to select it and list its neighbours</source>
        <translation>输入一个词并按回车，选中它并列出它的近邻</translation>
    </message>
    <message>
        <location filename="../gui/panels/search.py" line="43"/>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../gui/panels/search.py" line="44"/>
        <source>Select the word and list its nearest neighbours</source>
        <translation>选中这个词并列出它的最近邻</translation>
    </message>
    <message>
        <location filename="../gui/panels/search.py" line="49"/>
        <source>neighbour</source>
        <translation>近邻</translation>
    </message>
    <message>
        <location filename="../gui/panels/search.py" line="49"/>
        <source>cosine</source>
        <translation>余弦相似度</translation>
    </message>
    <message>
        <location filename="../gui/panels/search.py" line="57"/>
        <source>Click a neighbour to select it</source>
        <translation>点击一个近邻来选中它</translation>
    </message>
    <message>
        <location filename="../gui/panels/search.py" line="58"/>
        <location filename="../gui/panels/search.py" line="105"/>
        <source>Nearest neighbours</source>
        <translation>最近邻</translation>
    </message>
    <message>
        <location filename="../gui/panels/search.py" line="103"/>
        <source>Nearest neighbours of “{word}”</source>
        <translation>“{word}”的最近邻</translation>
    </message>
    <message>
        <location filename="../gui/panels/search.py" line="109"/>
        <source> — built from subwords</source>
        <translation> —— 由子词构成</translation>
    </message>
    <message>
        <location filename="../gui/panels/search.py" line="112"/>
        <source>Not in the vocabulary: this fastText model has no row for the word, so its vector is the mean of the vectors of its character n-grams, as fastText builds it</source>
        <translation>不在词表中：这个 fastText 模型里没有这个词的行，所以按 fastText 的做法，用它的字符 n-gram 向量的平均值作为它的向量</translation>
    </message>
</context>
<context>
    <name>SimilarityPlot</name>
    <message>
        <location filename="../gui/training/plots.py" line="74"/>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location filename="../gui/training/plots.py" line="75"/>
        <source>cosine</source>
        <translation>余弦相似度</translation>
    </message>
</context>
<context>
    <name>SlicePanel</name>
    <message>
        <location filename="../gui/panels/slice.py" line="47"/>
        <source>t-SNE (openTSNE) moves words until each one&apos;s nearest neighbours (cosine) are near it in 3D. Not a slice: the axes, distances between clusters and cluster sizes mean nothing. Slow: runs in the background, on a sample of {n} when more words are shown.</source>
        <translation>t-SNE（openTSNE）不断移动各个词，直到每个词的最近邻（按余弦相似度）在三维中也靠近它。这不是切片：坐标轴、簇之间的距离和簇的大小都没有意义。速度较慢：在后台运行，显示的词多于 {n} 个时只取 {n} 个样本。</translation>
    </message>
    <message>
        <location filename="../gui/panels/slice.py" line="54"/>
        <source>UMAP (umap-learn) builds a graph of each word&apos;s nearest neighbours (cosine) and lays it out in 3D. Not a slice: the axes and distances between clusters mean nothing. Slow (the very first run also compiles code): runs in the background, on a sample of {n} when more words are shown.</source>
        <translation>UMAP（umap-learn）用每个词的最近邻（按余弦相似度）构建一张图，再把它铺排到三维中。这不是切片：坐标轴和簇之间的距离都没有意义。速度较慢（第一次运行还要编译代码）：在后台运行，显示的词多于 {n} 个时只取 {n} 个样本。</translation>
    </message>
    <message>
        <location filename="../gui/panels/slice.py" line="63"/>
        <source>Teaching words</source>
        <translation>教学用词</translation>
    </message>
    <message>
        <location filename="../gui/panels/slice.py" line="64"/>
        <source>Most frequent</source>
        <translation>最常见的词</translation>
    </message>
    <message>
        <location filename="../gui/panels/slice.py" line="65"/>
        <source>Neighbours of a word</source>
        <translation>某个词的近邻</translation>
    </message>
    <message>
        <location filename="../gui/panels/slice.py" line="66"/>
        <source>Matching a pattern</source>
        <translation>匹配模式的词</translation>
    </message>
    <message>
        <location filename="../gui/panels/slice.py" line="67"/>
        <source>My list</source>
        <translation>我的词表</translation>
    </message>
    <message>
        <location filename="../gui/panels/slice.py" line="128"/>
        <source>Which slice of the space</source>
        <translation>看空间的哪个切片</translation>
    </message>
    <message>
        <location filename="../gui/panels/slice.py" line="134"/>
        <source>How the d-dimensional vectors are mapped to the three axes you see</source>
        <translation>d 维向量如何映射到你看到的三根坐标轴上</translation>
    </message>
    <message>
        <location filename="../gui/panels/slice.py" line="142"/>
        <source>{name}: not installed</source>
        <translation>{name}：未安装</translation>
    </message>
    <message>
        <location filename="../gui/panels/slice.py" line="149"/>
        <source>Draw another random slice</source>
        <translation>再随机取一个切片</translation>
    </message>
    <message>
        <location filename="../gui/panels/slice.py" line="150"/>
        <source>Another random orthonormal 3D slice of the space</source>
        <translation>空间的另一个随机正交三维切片</translation>
    </message>
    <message>
        <location filename="../gui/panels/slice.py" line="155"/>
        <source>The three directions along which the words spread most.</source>
        <translation>词分布最分散的三个方向。</translation>
    </message>
    <message>
        <location filename="../gui/panels/slice.py" line="186"/>
        <source>A direction as word arithmetic, e.g. woman - man; empty = free axis</source>
        <translation>用词的加减表示一个方向，例如 woman - man；留空 = 自由轴</translation>
    </message>
    <message>
        <location filename="../gui/panels/slice.py" line="191"/>
        <source>Apply axes</source>
        <translation>应用坐标轴</translation>
    </message>
    <message>
        <location filename="../gui/panels/slice.py" line="192"/>
        <source>Use the three expressions as the x, y and z axes</source>
        <translation>把这三个表达式用作 x、y、z 轴</translation>
    </message>
    <message>
        <location filename="../gui/panels/slice.py" line="195"/>
        <source>Directions are made orthogonal in the order x → y → z (Gram–Schmidt): y keeps only what is new relative to x, z what is new to both.</source>
        <translation>各方向按 x → y → z 的顺序正交化（格拉姆-施密特）：y 只保留相对 x 新增的部分，z 只保留相对前两者新增的部分。</translation>
    </message>
    <message>
        <location filename="../gui/panels/slice.py" line="208"/>
        <source>Which raw dimension of the vectors to put on this axis</source>
        <translation>把向量的哪一个原始维度放在这根轴上</translation>
    </message>
    <message>
        <location filename="../gui/panels/slice.py" line="209"/>
        <source>{axis}: dim </source>
        <translation>{axis}：维度 </translation>
    </message>
    <message>
        <location filename="../gui/panels/slice.py" line="224"/>
        <source>Computed in the background (Cancel keeps the current slice); above {n} shown words, on a random sample of {n} that keeps the selected word and its neighbours.</source>
        <translation>在后台计算（取消则保留当前切片）；显示的词超过 {n} 个时，随机抽取 {n} 个样本，并保留选中的词及其近邻。</translation>
    </message>
    <message>
        <location filename="../gui/panels/slice.py" line="234"/>
        <source>seed </source>
        <translation>种子 </translation>
    </message>
    <message>
        <location filename="../gui/panels/slice.py" line="236"/>
        <source>The same seed and words give the same {name} picture</source>
        <translation>相同的种子和词会得到相同的 {name} 图</translation>
    </message>
    <message>
        <location filename="../gui/panels/slice.py" line="239"/>
        <source>Run again (new seed)</source>
        <translation>重新运行（新种子）</translation>
    </message>
    <message>
        <location filename="../gui/panels/slice.py" line="242"/>
        <source>Compute {name} again with the next seed: another, equally valid picture</source>
        <translation>用下一个种子重新计算 {name}：得到另一幅同样有效的图</translation>
    </message>
    <message>
        <location filename="../gui/panels/slice.py" line="252"/>
        <source>Which words are shown</source>
        <translation>显示哪些词</translation>
    </message>
    <message>
        <location filename="../gui/panels/slice.py" line="258"/>
        <source>Which words to show: the teaching list, frequent words, a word&apos;s neighbours, a pattern or your own list</source>
        <translation>显示哪些词：教学词表、常见词、某个词的近邻、匹配模式的词，或你自己的词表</translation>
    </message>
    <message>
        <location filename="../gui/panels/slice.py" line="267"/>
        <source>How many words (most frequent, neighbours, pattern matches)</source>
        <translation>词的数量（常见词、近邻、匹配模式的词）</translation>
    </message>
    <message>
        <location filename="../gui/panels/slice.py" line="272"/>
        <source>word, or a pattern such as *ing</source>
        <translation>词，或像 *ing 这样的模式</translation>
    </message>
    <message>
        <location filename="../gui/panels/slice.py" line="274"/>
        <source>The word whose neighbours to show, or a pattern (* and ? wildcards)</source>
        <translation>要显示其近邻的词，或一个模式（可用通配符 * 和 ?）</translation>
    </message>
    <message>
        <location filename="../gui/panels/slice.py" line="280"/>
        <source>Type or paste words, separated by spaces, commas or new lines</source>
        <translation>输入或粘贴词，用空格、逗号或换行分隔</translation>
    </message>
    <message>
        <location filename="../gui/panels/slice.py" line="283"/>
        <source>Type or paste words, separated by spaces or new lines</source>
        <translation>输入或粘贴词，用空格或换行分隔</translation>
    </message>
    <message>
        <location filename="../gui/panels/slice.py" line="287"/>
        <source>Show these words</source>
        <translation>显示这些词</translation>
    </message>
    <message>
        <location filename="../gui/panels/slice.py" line="288"/>
        <source>Show the chosen words in the 3D view</source>
        <translation>在三维视图中显示选定的词</translation>
    </message>
    <message>
        <location filename="../gui/panels/slice.py" line="298"/>
        <source>Look</source>
        <translation>外观</translation>
    </message>
    <message>
        <location filename="../gui/panels/slice.py" line="303"/>
        <source>Label size in % — bigger for projectors and slides</source>
        <translation>标签大小（%）—— 用投影仪或幻灯片时调大些</translation>
    </message>
    <message>
        <location filename="../gui/panels/slice.py" line="305"/>
        <source>Label size</source>
        <translation>标签大小</translation>
    </message>
    <message>
        <location filename="../gui/panels/slice.py" line="308"/>
        <source>Colour the points by cluster, by your groups or by a metadata column</source>
        <translation>按簇、按你的分组或按某个元数据列给点着色</translation>
    </message>
    <message>
        <location filename="../gui/panels/slice.py" line="311"/>
        <source>Colour by</source>
        <translation>着色依据</translation>
    </message>
    <message>
        <location filename="../gui/panels/slice.py" line="313"/>
        <source>How many k-means clusters</source>
        <translation>k-means 聚类的簇数</translation>
    </message>
    <message>
        <location filename="../gui/panels/slice.py" line="317"/>
        <source>Clusters</source>
        <translation>簇数</translation>
    </message>
    <message>
        <location filename="../gui/panels/slice.py" line="319"/>
        <source>royals: king queen prince; animals: cat dog</source>
        <translation>王室: king queen prince; 动物: cat dog</translation>
    </message>
    <message>
        <location filename="../gui/panels/slice.py" line="321"/>
        <source>Groups as name: words; separate groups with &apos;;&apos;</source>
        <translation>分组写成 名称: 词；各组之间用 &apos;;&apos; 分隔</translation>
    </message>
    <message>
        <location filename="../gui/panels/slice.py" line="323"/>
        <source>Groups</source>
        <translation>分组</translation>
    </message>
    <message>
        <location filename="../gui/panels/slice.py" line="334"/>
        <source>nothing (one colour)</source>
        <translation>不着色（单一颜色）</translation>
    </message>
    <message>
        <location filename="../gui/panels/slice.py" line="335"/>
        <source>k-means cluster</source>
        <translation>k-means 簇</translation>
    </message>
    <message>
        <location filename="../gui/panels/slice.py" line="336"/>
        <source>my groups</source>
        <translation>我的分组</translation>
    </message>
    <message>
        <location filename="../gui/panels/slice.py" line="338"/>
        <source>metadata: {column}</source>
        <translation>元数据：{column}</translation>
    </message>
    <message>
        <location filename="../gui/panels/slice.py" line="372"/>
        <source> No axes and no share of the vector length apply here.</source>
        <translation> 这里没有坐标轴，也谈不上向量长度的占比。</translation>
    </message>
    <message>
        <location filename="../gui/panels/slice.py" line="378"/>
        <source>&lt;b&gt;{axis}&lt;/b&gt;: {label} — {share} % of the spread</source>
        <translation>&lt;b&gt;{axis}&lt;/b&gt;：{label} —— 占分布的 {share} %</translation>
    </message>
    <message>
        <location filename="../gui/panels/slice.py" line="385"/>
        <source>&lt;br&gt;On average &lt;b&gt;{share} %&lt;/b&gt; of a shown word&apos;s vector length lies in this slice (|Pv|/|v|, vectors not centred); the rest is invisible here.</source>
        <translation>&lt;br&gt;平均每个显示的词有 &lt;b&gt;{share} %&lt;/b&gt; 的向量长度落在这个切片中（|Pv|/|v|，向量未中心化）；其余部分在这里看不到。</translation>
    </message>
    <message>
        <location filename="../gui/panels/slice.py" line="458"/>
        <source>Computing {name} of {n} words (a sample of the {shown} shown)…</source>
        <translation>正在计算 {n} 个词的 {name}（从显示的 {shown} 个词中抽样）…</translation>
    </message>
    <message>
        <location filename="../gui/panels/slice.py" line="460"/>
        <source>Computing {name} of {n} words…</source>
        <translation>正在计算 {n} 个词的 {name}…</translation>
    </message>
    <message>
        <location filename="../gui/panels/slice.py" line="488"/>
        <source>{name} was not shown: the words or the slice changed while it was computed.</source>
        <translation>{name} 未显示：计算期间词或切片发生了变化。</translation>
    </message>
    <message>
        <location filename="../gui/panels/slice.py" line="498"/>
        <source>{name} cancelled: the slice on show stays.</source>
        <translation>{name} 已取消：保留当前显示的切片。</translation>
    </message>
    <message>
        <location filename="../gui/panels/slice.py" line="505"/>
        <source>{name} failed</source>
        <translation>{name} 失败</translation>
    </message>
    <message>
        <location filename="../gui/panels/slice.py" line="518"/>
        <source>The shown words changed, so the {name} positions no longer apply: PCA is shown while {name} is computed again.</source>
        <translation>显示的词变了，原来的 {name} 位置不再适用：重新计算 {name} 期间先显示 PCA。</translation>
    </message>
    <message>
        <location filename="../gui/panels/slice.py" line="536"/>
        <source>a word</source>
        <translation>一个词</translation>
    </message>
    <message>
        <location filename="../gui/panels/slice.py" line="536"/>
        <source>a pattern such as *ing</source>
        <translation>像 *ing 这样的模式</translation>
    </message>
    <message>
        <location filename="../gui/panels/slice.py" line="559"/>
        <source>none of these words is in the vocabulary</source>
        <translation>这些词都不在词表中</translation>
    </message>
    <message>
        <location filename="../gui/panels/slice.py" line="561"/>
        <source>Not in the vocabulary, left out: {words}</source>
        <translation>不在词表中，已略去：{words}</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <location filename="../gui/training/parts.py" line="39"/>
        <source>PCA of the newest</source>
        <translation>最新状态的 PCA</translation>
    </message>
    <message>
        <location filename="../gui/training/parts.py" line="40"/>
        <source>Fixed axes: PCA of the newest state</source>
        <translation>固定坐标轴：最新状态的 PCA</translation>
    </message>
    <message>
        <location filename="../gui/training/parts.py" line="41"/>
        <source>PCA of this snapshot</source>
        <translation>此快照的 PCA</translation>
    </message>
    <message>
        <location filename="../gui/training/parts.py" line="42"/>
        <source>Fixed axes: PCA of the snapshot shown now</source>
        <translation>固定坐标轴：当前显示的快照的 PCA</translation>
    </message>
    <message>
        <location filename="../gui/training/parts.py" line="43"/>
        <source>Procrustes</source>
        <translation>Procrustes 对齐</translation>
    </message>
    <message>
        <location filename="../gui/training/parts.py" line="44"/>
        <source>Procrustes: align each snapshot to the previous one</source>
        <translation>Procrustes 对齐：把每个快照与前一个对齐</translation>
    </message>
    <message>
        <location filename="../gui/training/parts.py" line="112"/>
        <source>One snapshot back</source>
        <translation>后退一个快照</translation>
    </message>
    <message>
        <location filename="../gui/training/parts.py" line="116"/>
        <source>One snapshot forward</source>
        <translation>前进一个快照</translation>
    </message>
    <message>
        <location filename="../gui/training/parts.py" line="118"/>
        <source>Scrub through the snapshots</source>
        <translation>拖动浏览各个快照</translation>
    </message>
    <message>
        <location filename="../gui/training/parts.py" line="136"/>
        <source>Float</source>
        <translation>浮动</translation>
    </message>
    <message>
        <location filename="../gui/training/parts.py" line="138"/>
        <source>Float the Train panel as a large window (docked: back in)</source>
        <translation>把“训练”面板浮动为大窗口（再点一次则停靠回去）</translation>
    </message>
    <message>
        <location filename="../gui/training/parts.py" line="140"/>
        <source>Export animation…</source>
        <translation>导出动画…</translation>
    </message>
    <message>
        <location filename="../gui/training/parts.py" line="143"/>
        <source>Save the recorded run as an animated GIF (or MP4 with ffmpeg): every snapshot, interpolated as in playback, with the epoch caption and axis names</source>
        <translation>把记录的训练过程保存为 GIF 动画（有 ffmpeg 时也可保存为 MP4）：包含每个快照，像回放时一样插值，并带有轮次说明和坐标轴名称</translation>
    </message>
    <message>
        <location filename="../gui/training/parts.py" line="148"/>
        <source>Frame</source>
        <translation>坐标系</translation>
    </message>
    <message>
        <location filename="../gui/training/parts.py" line="177"/>
        <location filename="../gui/training/parts.py" line="196"/>
        <source>epoch {epoch}</source>
        <translation>第 {epoch} 轮</translation>
    </message>
    <message>
        <location filename="../gui/training/parts.py" line="183"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../gui/training/parts.py" line="183"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../gui/training/parts.py" line="188"/>
        <source>{tip}. How the 3D axes stay still while the vectors learn</source>
        <translation>{tip}。决定词向量学习时三维坐标轴如何保持稳定</translation>
    </message>
</context>
<context>
    <name>Tour</name>
    <message>
        <location filename="../gui/tour.py" line="62"/>
        <source>Every word is a row of numbers. “king” is [{head}, …]: {dim} numbers, one row of a {rows} × {dim} matrix. Words used in similar contexts get similar rows: the green points are king&apos;s nearest neighbours by cosine, {neighbours}…</source>
        <translation>每个词都是一行数字，这就是词向量。“king”是 [{head}, …]：一共 {dim} 个数，是一个 {rows} × {dim} 嵌入矩阵中的一行。出现在相似上下文里的词，它们的行也相似：绿色的点是按余弦相似度算出的 king 的最近邻：{neighbours}…</translation>
    </message>
    <message>
        <location filename="../gui/tour.py" line="78"/>
        <source>We cannot see {dim} dimensions, so the view shows a 3D slice: here the three directions along which these words spread most (PCA). Only {share} % of a word&apos;s length lies in this slice on average; the rest is invisible. Drag to orbit.</source>
        <translation>{dim} 维的空间我们看不见，所以视图只显示一个三维切片：这里取的是这些词分布最分散的三个方向（PCA）。平均每个词只有 {share} % 的长度落在这个切片里，其余部分是看不见的。拖动鼠标可以旋转视角。</translation>
    </message>
    <message>
        <location filename="../gui/tour.py" line="94"/>
        <source>Directions carry meaning. Now the axes are woman − man, cats − cat and king − man (made perpendicular in that order). Words line up by gender along x and by number along y.</source>
        <translation>方向也有含义。现在三根语义轴分别是 woman − man、cats − cat 和 king − man（按这个顺序正交化）。大家看，词沿 x 轴按性别排开，沿 y 轴按单复数排开。</translation>
    </message>
    <message>
        <location filename="../gui/tour.py" line="105"/>
        <source>the analogy panel is not available</source>
        <translation>“类比”面板不可用</translation>
    </message>
    <message>
        <location filename="../gui/tour.py" line="110"/>
        <source>The nearest word is “{word}” (cosine {score})</source>
        <translation>最近的词是“{word}”（余弦相似度 {score}）</translation>
    </message>
    <message>
        <location filename="../gui/tour.py" line="114"/>
        <source>No answer</source>
        <translation>没有答案</translation>
    </message>
    <message>
        <location filename="../gui/tour.py" line="116"/>
        <source>king − man + woman: {found}, with the three input words left out as gensim does (tick “Include input words” to see that king itself is often nearest). The 3D view draws the parallelogram.</source>
        <translation>king − man + woman：{found}。这里和 gensim 一样排除了三个输入词（勾选“包含输入词”，你会发现最近的往往就是 king 自己）。三维视图里画出了类比的平行四边形。</translation>
    </message>
    <message>
        <location filename="../gui/tour.py" line="128"/>
        <source>the directions panel is not available</source>
        <translation>“方向”面板不可用</translation>
    </message>
    <message>
        <location filename="../gui/tour.py" line="136"/>
        <source>the chart shows where each word lies along it</source>
        <translation>图表显示了每个词在这个方向上的位置</translation>
    </message>
    <message>
        <location filename="../gui/tour.py" line="140"/>
        <source>plural nouns score higher than singular ones (means {plural} and {singular})</source>
        <translation>复数名词的得分高于单数名词（平均分分别为 {plural} 和 {singular}）</translation>
    </message>
    <message>
        <location filename="../gui/tour.py" line="143"/>
        <source>here plural nouns do not score higher than singular ones (means {plural} and {singular})</source>
        <translation>这里复数名词的得分并不高于单数名词（平均分分别为 {plural} 和 {singular}）</translation>
    </message>
    <message>
        <location filename="../gui/tour.py" line="154"/>
        <source> — a graded sense of “how many”.</source>
        <translation> —— 可见这个方向带有“多少”的渐变含义。</translation>
    </message>
    <message>
        <location filename="../gui/tour.py" line="156"/>
        <source> — the order is not clean here.</source>
        <translation> —— 不过这里的顺序并不整齐。</translation>
    </message>
    <message>
        <location filename="../gui/tour.py" line="158"/>
        <source>cats − cat points in a “plural” direction: {compare}. Along it, {order}{verdict} The whiskers show what random directions of the same length give.</source>
        <translation>cats − cat 指向一个“复数”方向：{compare}。沿着这个方向，{order}{verdict}图中的须线表示同样长度的随机方向会得到什么结果，可以拿来对比。</translation>
    </message>
    <message>
        <location filename="../gui/tour.py" line="169"/>
        <source>A Transformer also needs word order. Each position gets a vector, PE(pos, 2i) = sin(pos / 10000^(2i/d)), PE(pos, 2i+1) = cos(…), added to the token&apos;s vector: input = embedding + position. Fast waves in the first dimensions, slow ones later.</source>
        <translation>Transformer 还需要知道词的顺序。每个位置都有一个向量，这就是位置编码：PE(pos, 2i) = sin(pos / 10000^(2i/d))，PE(pos, 2i+1) = cos(…)，把它加到词元的初始向量上：输入 = 词嵌入 + 位置编码。前面的维度波动快，后面的维度波动慢。</translation>
    </message>
    <message>
        <location filename="../gui/tour.py" line="179"/>
        <source>1. A word is a vector</source>
        <translation>1. 词就是向量</translation>
    </message>
    <message>
        <location filename="../gui/tour.py" line="180"/>
        <source>2. A 3D slice of many dimensions</source>
        <translation>2. 高维空间的三维切片</translation>
    </message>
    <message>
        <location filename="../gui/tour.py" line="181"/>
        <source>3. Directions carry meaning</source>
        <translation>3. 方向也有含义</translation>
    </message>
    <message>
        <location filename="../gui/tour.py" line="182"/>
        <source>4. Analogies: king − man + woman</source>
        <translation>4. 类比：king − man + woman</translation>
    </message>
    <message>
        <location filename="../gui/tour.py" line="183"/>
        <source>5. The plurality direction</source>
        <translation>5. “复数”方向</translation>
    </message>
    <message>
        <location filename="../gui/tour.py" line="184"/>
        <source>6. Positional encoding</source>
        <translation>6. 位置编码</translation>
    </message>
</context>
<context>
    <name>TourDock</name>
    <message>
        <location filename="../gui/tour.py" line="192"/>
        <source>Guided tour</source>
        <translation>导览</translation>
    </message>
    <message>
        <location filename="../gui/tour.py" line="200"/>
        <source>◀ Back</source>
        <translation>◀ 上一步</translation>
    </message>
    <message>
        <location filename="../gui/tour.py" line="201"/>
        <source>Previous step of the tour</source>
        <translation>导览的上一步</translation>
    </message>
    <message>
        <location filename="../gui/tour.py" line="202"/>
        <location filename="../gui/tour.py" line="266"/>
        <source>Next ▶</source>
        <translation>下一步 ▶</translation>
    </message>
    <message>
        <location filename="../gui/tour.py" line="203"/>
        <location filename="../gui/tour.py" line="268"/>
        <source>Next step of the tour</source>
        <translation>导览的下一步</translation>
    </message>
    <message>
        <location filename="../gui/tour.py" line="254"/>
        <source>{title}  ({n} of {total})</source>
        <translation>{title}（第 {n} 步，共 {total} 步）</translation>
    </message>
    <message>
        <location filename="../gui/tour.py" line="263"/>
        <source>This step could not be shown: {error}</source>
        <translation>这一步无法显示：{error}</translation>
    </message>
    <message>
        <location filename="../gui/tour.py" line="266"/>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../gui/tour.py" line="268"/>
        <source>Close the tour</source>
        <translation>关闭导览</translation>
    </message>
</context>
<context>
    <name>TrainForm</name>
    <message>
        <location filename="../gui/training/form.py" line="33"/>
        <source>Shipped teaching corpus</source>
        <translation>自带的教学语料（英文）</translation>
    </message>
    <message>
        <location filename="../gui/training/form.py" line="34"/>
        <source>Shipped Chinese corpus (中文)</source>
        <translation>自带的中文语料</translation>
    </message>
    <message>
        <location filename="../gui/training/form.py" line="35"/>
        <source>Text file…</source>
        <translation>文本文件…</translation>
    </message>
    <message>
        <location filename="../gui/training/form.py" line="59"/>
        <source>vector file…</source>
        <translation>词向量文件…</translation>
    </message>
    <message>
        <location filename="../gui/training/form.py" line="88"/>
        <source>Choose a pretrained vector file</source>
        <translation>选择一个预训练词向量文件</translation>
    </message>
    <message>
        <location filename="../gui/training/form.py" line="98"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../gui/training/form.py" line="98"/>
        <source>Initial vectors</source>
        <translation>初始向量</translation>
    </message>
    <message>
        <location filename="../gui/training/form.py" line="105"/>
        <source>Corpus</source>
        <translation>语料</translation>
    </message>
    <message>
        <location filename="../gui/training/form.py" line="109"/>
        <source>Royalty, family, animals, numbers and capitals (resources/corpus), in English or in Chinese (segmented with jieba), or any plain-text file</source>
        <translation>王室、家庭、动物、数字和首都（resources/corpus），有英文版和中文版（用 jieba 分词），也可以用任意纯文本文件</translation>
    </message>
    <message>
        <location filename="../gui/training/form.py" line="113"/>
        <location filename="../gui/training/form.py" line="134"/>
        <source>teaching.txt · 60,000 sentences</source>
        <translation>teaching.txt · 60,000 句</translation>
    </message>
    <message>
        <location filename="../gui/training/form.py" line="125"/>
        <source>Choose a text corpus</source>
        <translation>选择文本语料</translation>
    </message>
    <message>
        <location filename="../gui/training/form.py" line="126"/>
        <source>Text (*.txt);;All files (*)</source>
        <translation>文本 (*.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../gui/training/form.py" line="135"/>
        <source>teaching_zh.txt · 30,000 sentences</source>
        <translation>teaching_zh.txt · 30,000 句</translation>
    </message>
    <message>
        <location filename="../gui/training/form.py" line="140"/>
        <source>Pretrained vectors</source>
        <translation>预训练词向量</translation>
    </message>
    <message>
        <location filename="../gui/training/form.py" line="141"/>
        <source>Vector files (*.txt *.vec *.bin *.npy);;All (*)</source>
        <translation>词向量文件 (*.txt *.vec *.bin *.npy);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>TrainPanel</name>
    <message>
        <location filename="../gui/training/panel.py" line="81"/>
        <source>Press “Start training”: the initial vectors appear here, then move as word2vec learns</source>
        <translation>点击“开始训练”：初始向量会出现在这里，然后随着 word2vec 的学习而移动</translation>
    </message>
    <message>
        <location filename="../gui/training/panel.py" line="85"/>
        <source>Save vectors…</source>
        <translation>保存词向量…</translation>
    </message>
    <message>
        <location filename="../gui/training/panel.py" line="87"/>
        <source>word2vec text (.txt) or binary (.bin) of the whole vocabulary</source>
        <translation>整个词表的 word2vec 文本格式（.txt）或二进制格式（.bin）</translation>
    </message>
    <message>
        <location filename="../gui/training/panel.py" line="89"/>
        <source>Open as current data</source>
        <translation>作为当前数据打开</translation>
    </message>
    <message>
        <location filename="../gui/training/panel.py" line="90"/>
        <source>Show the trained vectors in the main view</source>
        <translation>在主视图中显示训练好的词向量</translation>
    </message>
    <message>
        <location filename="../gui/training/panel.py" line="167"/>
        <source>Reading {name}…</source>
        <translation>正在读取 {name}…</translation>
    </message>
    <message>
        <location filename="../gui/training/panel.py" line="168"/>
        <source>the teaching corpus</source>
        <translation>教学语料</translation>
    </message>
    <message>
        <location filename="../gui/training/panel.py" line="180"/>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <location filename="../gui/training/panel.py" line="249"/>
        <location filename="../gui/training/panel.py" line="252"/>
        <source>training failed: {error}</source>
        <translation>训练失败：{error}</translation>
    </message>
    <message>
        <location filename="../gui/training/panel.py" line="265"/>
        <source>Stopped at epoch {epoch}: {n} words × {dim} dims, {secs} s of training</source>
        <translation>在第 {epoch} 轮停止：{n} 个词 × {dim} 维，训练用时 {secs} 秒</translation>
    </message>
    <message>
        <location filename="../gui/training/panel.py" line="267"/>
        <source>Finished at epoch {epoch}: {n} words × {dim} dims, {secs} s of training</source>
        <translation>在第 {epoch} 轮完成：{n} 个词 × {dim} 维，训练用时 {secs} 秒</translation>
    </message>
    <message>
        <location filename="../gui/training/panel.py" line="290"/>
        <source>Save trained vectors</source>
        <translation>保存训练好的词向量</translation>
    </message>
    <message>
        <location filename="../gui/training/panel.py" line="291"/>
        <source>word2vec text (*.txt);;word2vec binary (*.bin)</source>
        <translation>word2vec 文本 (*.txt);;word2vec 二进制 (*.bin)</translation>
    </message>
    <message>
        <location filename="../gui/training/panel.py" line="304"/>
        <source>Saved {n} vectors to {path}</source>
        <translation>已将 {n} 个词向量保存到 {path}</translation>
    </message>
    <message>
        <location filename="../gui/training/panel.py" line="356"/>
        <source>initial vectors</source>
        <translation>初始向量</translation>
    </message>
    <message>
        <location filename="../gui/training/panel.py" line="358"/>
        <source>epoch {epoch} of {total}</source>
        <translation>第 {epoch} 轮，共 {total} 轮</translation>
    </message>
    <message>
        <location filename="../gui/training/panel.py" line="366"/>
        <source>{n} words in the vocabulary, {watched} watched — {what}{seg}</source>
        <translation>词表中 {n} 个词，观察其中 {watched} 个 —— {what}{seg}</translation>
    </message>
</context>
<context>
    <name>TrainingCurves</name>
    <message>
        <location filename="../gui/training/parts.py" line="222"/>
        <source>Word pairs to follow, comma-separated: &apos;king queen, cat cats&apos;</source>
        <translation>要跟踪的词对，用逗号分隔：&apos;king queen, cat cats&apos;</translation>
    </message>
    <message>
        <location filename="../gui/training/parts.py" line="228"/>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../gui/training/parts.py" line="229"/>
        <source>Similarity</source>
        <translation>相似度</translation>
    </message>
</context>
<context>
    <name>TrainingExports</name>
    <message>
        <location filename="../gui/training/export.py" line="382"/>
        <source>an export is already running</source>
        <translation>已有一个导出正在进行</translation>
    </message>
    <message>
        <location filename="../gui/training/export.py" line="386"/>
        <source>nothing to animate yet: wait for the first snapshot after the start</source>
        <translation>还没有可做成动画的内容：请等开始后的第一个快照</translation>
    </message>
    <message>
        <location filename="../gui/training/export.py" line="402"/>
        <source>Exporting {n} frames to {name}…</source>
        <translation>正在把 {n} 帧导出到 {name}…</translation>
    </message>
    <message>
        <location filename="../gui/training/export.py" line="414"/>
        <source>nothing to animate yet: train first</source>
        <translation>还没有可做成动画的内容：请先训练</translation>
    </message>
    <message>
        <location filename="../gui/training/export.py" line="420"/>
        <source>Animated GIF (*.gif)</source>
        <translation>GIF 动画 (*.gif)</translation>
    </message>
    <message>
        <location filename="../gui/training/export.py" line="422"/>
        <source>MP4 video (*.mp4)</source>
        <translation>MP4 视频 (*.mp4)</translation>
    </message>
    <message>
        <location filename="../gui/training/export.py" line="424"/>
        <source>Export training animation</source>
        <translation>导出训练动画</translation>
    </message>
    <message>
        <location filename="../gui/training/export.py" line="443"/>
        <source>Saved the animation ({n} frames) to {path}</source>
        <translation>动画（{n} 帧）已保存到 {path}</translation>
    </message>
    <message>
        <location filename="../gui/training/export.py" line="451"/>
        <source>Export cancelled; no file written</source>
        <translation>导出已取消；没有写入文件</translation>
    </message>
    <message>
        <location filename="../gui/training/export.py" line="459"/>
        <source>export failed: {error}</source>
        <translation>导出失败：{error}</translation>
    </message>
</context>
</TS>
