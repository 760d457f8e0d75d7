<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Context</name>
    <message>
        <location filename="../gui/context/plots.py" line="27"/>
        <source>cosine</source>
        <translation>余弦相似度</translation>
    </message>
    <message>
        <location filename="../gui/context/plots.py" line="36"/>
        <source>Follow two tokens (click them)
to plot their cosine per layer</source>
        <translation>跟踪两个词元（点击它们），
即可画出它们逐层的余弦相似度</translation>
    </message>
    <message>
        <location filename="../gui/context/plots.py" line="69"/>
        <source>{a} · {b}</source>
        <translation>{a} · {b}</translation>
    </message>
    <message>
        <location filename="../core/context/layers.py" line="49"/>
        <source>bank: river vs money</source>
        <translation>bank：河岸与银行</translation>
    </message>
    <message>
        <location filename="../core/context/layers.py" line="52"/>
        <source>bat: animal vs sport</source>
        <translation>bat：蝙蝠与球棒</translation>
    </message>
    <message>
        <location filename="../core/context/layers.py" line="55"/>
        <source>mole: animal, chemistry, skin</source>
        <translation>mole：鼹鼠、摩尔、痣</translation>
    </message>
    <message>
        <location filename="../core/context/layers.py" line="58"/>
        <source>a plural: cat vs cats</source>
        <translation>复数：cat 与 cats</translation>
    </message>
    <message>
        <location filename="../gui/context/captions.py" line="20"/>
        <source>static</source>
        <translation>静态</translation>
    </message>
    <message>
        <location filename="../gui/context/captions.py" line="22"/>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../gui/context/captions.py" line="23"/>
        <source>layer {n}</source>
        <translation>第 {n} 层</translation>
    </message>
    <message>
        <location filename="../gui/context/captions.py" line="38"/>
        <source>static: the token&apos;s row of the embedding matrix, one vector for every occurrence</source>
        <translation>静态词向量：词元在嵌入矩阵中的那一行，每次出现都是同一个向量</translation>
    </message>
    <message>
        <location filename="../gui/context/captions.py" line="42"/>
        <source>input: row + position + segment, normalised</source>
        <translation>输入：词向量行 + 位置编码 + 段编码，再经层归一化</translation>
    </message>
    <message>
        <location filename="../gui/context/captions.py" line="44"/>
        <source>after layer {n} of {total}: rewritten from the context</source>
        <translation>第 {n} 层（共 {total} 层）之后：已根据上下文改写</translation>
    </message>
    <message>
        <location filename="../gui/context/captions.py" line="50"/>
        <source>cos({a}, {b}) = {c} (static: {s})</source>
        <translation>cos({a}, {b}) = {c}（静态：{s}）</translation>
    </message>
</context>
<context>
    <name>ContextExports</name>
    <message>
        <location filename="../gui/context/export.py" line="110"/>
        <source>nothing to export yet: press Run first</source>
        <translation>还没有可导出的内容：请先点击“运行”</translation>
    </message>
    <message>
        <location filename="../gui/context/export.py" line="129"/>
        <source>Export the layers as a GIF</source>
        <translation>将各层导出为 GIF</translation>
    </message>
    <message>
        <location filename="../gui/context/export.py" line="130"/>
        <source>Animated GIF (*.gif)</source>
        <translation>GIF 动画 (*.gif)</translation>
    </message>
    <message>
        <location filename="../gui/context/export.py" line="138"/>
        <source>Saved the animation to {path}</source>
        <translation>动画已保存到 {path}</translation>
    </message>
    <message>
        <location filename="../gui/context/export.py" line="147"/>
        <source>Exporting {n} frames to {name}…</source>
        <translation>正在将 {n} 帧导出到 {name}…</translation>
    </message>
    <message>
        <location filename="../gui/context/export.py" line="153"/>
        <source>Save the picture</source>
        <translation>保存画面</translation>
    </message>
    <message>
        <location filename="../gui/context/export.py" line="154"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <location filename="../gui/context/export.py" line="158"/>
        <source>Could not write {path}</source>
        <translation>无法写入 {path}</translation>
    </message>
    <message>
        <location filename="../gui/context/export.py" line="160"/>
        <source>Saved the picture to {path}</source>
        <translation>画面已保存到 {path}</translation>
    </message>
    <message>
        <location filename="../gui/context/export.py" line="183"/>
        <source>Export cancelled; no file written</source>
        <translation>导出已取消；未写入文件</translation>
    </message>
</context>
<context>
    <name>ContextPanel</name>
    <message>
        <location filename="../gui/context/panel.py" line="87"/>
        <location filename="../gui/context/panel.py" line="171"/>
        <source>Choose a preset or type sentences, then press Run</source>
        <translation>选择一个预设或输入句子，然后点击“运行”</translation>
    </message>
    <message>
        <location filename="../gui/context/panel.py" line="95"/>
        <source>Each sentence&apos;s WordPiece tokens (## continues a word); click one to follow it across the layers</source>
        <translation>每个句子的 WordPiece 词元（## 表示接续前一个词元）；点击词元可跨层跟踪它</translation>
    </message>
    <message>
        <location filename="../gui/context/panel.py" line="100"/>
        <source>Tokens</source>
        <translation>词元</translation>
    </message>
    <message>
        <location filename="../gui/context/panel.py" line="101"/>
        <source>Cosine</source>
        <translation>余弦</translation>
    </message>
    <message>
        <location filename="../gui/context/panel.py" line="102"/>
        <source>Nearest</source>
        <translation>最近邻</translation>
    </message>
    <message>
        <location filename="../gui/context/panel.py" line="161"/>
        <source>No contextual model is installed. Run scripts/setup (it fetches MiniLM-L6), or choose a BERT model folder with “Model…” (embviz context --model DIR), or set $EMBVIZ_CONTEXT_MODEL to one.</source>
        <translation>尚未安装上下文模型。请运行 scripts/setup（它会下载 MiniLM-L6），或用“模型…”选择一个 BERT 模型文件夹（即 embviz context --model DIR），或将 $EMBVIZ_CONTEXT_MODEL 设为该文件夹。</translation>
    </message>
    <message>
        <location filename="../gui/context/panel.py" line="165"/>
        <source>Not a model folder: {error}</source>
        <translation>不是模型文件夹：{error}</translation>
    </message>
    <message>
        <location filename="../gui/context/panel.py" line="166"/>
        <source>No contextual model: see the message above</source>
        <translation>没有上下文模型：请看上方的提示</translation>
    </message>
    <message>
        <location filename="../gui/context/panel.py" line="169"/>
        <source>Ready: choose a preset or type sentences, then press Run</source>
        <translation>就绪：选择一个预设或输入句子，然后点击“运行”</translation>
    </message>
    <message>
        <location filename="../gui/context/panel.py" line="177"/>
        <source>Choose a BERT model folder</source>
        <translation>选择 BERT 模型文件夹</translation>
    </message>
    <message>
        <location filename="../gui/context/panel.py" line="200"/>
        <source>Type at least one sentence, one per line (two or more to compare a word&apos;s occurrences).</source>
        <translation>请至少输入一个句子，每行一个（要比较一个词的多次出现，请输入两个或更多句子）。</translation>
    </message>
    <message>
        <location filename="../gui/context/panel.py" line="212"/>
        <source>Running {n} sentences…</source>
        <translation>正在运行 {n} 个句子…</translation>
    </message>
    <message>
        <location filename="../gui/context/panel.py" line="223"/>
        <location filename="../gui/context/panel.py" line="254"/>
        <source>Cancelled; nothing was changed.</source>
        <translation>已取消；没有任何改动。</translation>
    </message>
    <message>
        <location filename="../gui/context/panel.py" line="243"/>
        <source>{model}: {tokens} tokens in {n} sentences, {layers} layers. Click tokens to follow them.</source>
        <translation>{model}：{n} 个句子共 {tokens} 个词元，{layers} 层。点击词元可跟踪它们。</translation>
    </message>
    <message>
        <location filename="../gui/context/panel.py" line="261"/>
        <source>The run failed: {error}</source>
        <translation>运行失败：{error}</translation>
    </message>
    <message>
        <location filename="../gui/context/panel.py" line="277"/>
        <source>Press Run to see these sentences</source>
        <translation>点击“运行”查看这些句子</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../core/context/layers.py" line="250"/>
        <source>give at least one sentence</source>
        <translation>请至少给出一个句子</translation>
    </message>
    <message>
        <location filename="../core/context/layers.py" line="252"/>
        <source>{n} sentences; at most {most} at a time</source>
        <translation>{n} 个句子；一次最多 {most} 个</translation>
    </message>
    <message>
        <location filename="../core/context/layers.py" line="259"/>
        <source>sentence {n}: {error}</source>
        <translation>第 {n} 句：{error}</translation>
    </message>
</context>
<context>
    <name>LayerBar</name>
    <message>
        <location filename="../gui/context/parts.py" line="152"/>
        <source>One layer back</source>
        <translation>后退一层</translation>
    </message>
    <message>
        <location filename="../gui/context/parts.py" line="155"/>
        <source>One layer on</source>
        <translation>前进一层</translation>
    </message>
    <message>
        <location filename="../gui/context/parts.py" line="157"/>
        <source>The layer on show: static (the embedding matrix&apos;s row), input (+ position + segment), then each layer</source>
        <translation>当前显示的层：静态（嵌入矩阵的行）、输入（+ 位置编码 + 段编码），然后是各层</translation>
    </message>
    <message>
        <location filename="../gui/context/parts.py" line="209"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../gui/context/parts.py" line="209"/>
        <source>Play the layers</source>
        <translation>逐层播放</translation>
    </message>
</context>
<context>
    <name>NearestTable</name>
    <message>
        <location filename="../gui/context/parts.py" line="224"/>
        <source>Token</source>
        <translation>词元</translation>
    </message>
    <message>
        <location filename="../gui/context/parts.py" line="225"/>
        <source>Nearest vocabulary tokens (cosine)</source>
        <translation>最近的词表词元（余弦相似度）</translation>
    </message>
    <message>
        <location filename="../gui/context/parts.py" line="236"/>
        <source>Rows of the embedding matrix nearest by cosine. Deeper layers move away from every row: read it as which input tokens a vector still resembles.</source>
        <translation>按余弦相似度最接近的嵌入矩阵行。越深的层离每一行都越远：请理解为“这个向量还像哪些输入词元”。</translation>
    </message>
</context>
<context>
    <name>Panels</name>
    <message>
        <location filename="../gui/context/panel.py" line="41"/>
        <source>Context</source>
        <translation>上下文</translation>
    </message>
</context>
<context>
    <name>PictureBar</name>
    <message>
        <location filename="../gui/context/parts.py" line="341"/>
        <source>GIF…</source>
        <translation>GIF…</translation>
    </message>
    <message>
        <location filename="../gui/context/parts.py" line="342"/>
        <source>Export the layers as an animated GIF, from static to the last layer, interpolated as in playback</source>
        <translation>将各层导出为 GIF 动画：从静态词向量到最后一层，与播放时一样在层间插值</translation>
    </message>
    <message>
        <location filename="../gui/context/parts.py" line="344"/>
        <source>PNG…</source>
        <translation>PNG…</translation>
    </message>
    <message>
        <location filename="../gui/context/parts.py" line="345"/>
        <source>Save the picture as it is now as a PNG image</source>
        <translation>将当前画面保存为 PNG 图片</translation>
    </message>
    <message>
        <location filename="../gui/context/parts.py" line="346"/>
        <location filename="../gui/context/parts.py" line="364"/>
        <source>Enlarge</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../gui/context/parts.py" line="347"/>
        <source>Float the Context panel as a large window (press again to dock it back)</source>
        <translation>将“上下文”面板浮动为大窗口（再按一次停靠回去）</translation>
    </message>
    <message>
        <location filename="../gui/context/parts.py" line="364"/>
        <source>Dock</source>
        <translation>停靠</translation>
    </message>
</context>
<context>
    <name>SentenceInputs</name>
    <message>
        <location filename="../gui/context/parts.py" line="271"/>
        <source>Presets…</source>
        <translation>预设…</translation>
    </message>
    <message>
        <location filename="../gui/context/parts.py" line="272"/>
        <source>Sentences in which one word means different things; choosing one runs it</source>
        <translation>同一个词在其中含义不同的几个句子；选中即运行</translation>
    </message>
    <message>
        <location filename="../gui/context/parts.py" line="274"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../gui/context/parts.py" line="275"/>
        <source>Tokenise the sentences and run them through the model, keeping every layer</source>
        <translation>将句子切分为词元并送入模型，保留每一层的输出</translation>
    </message>
    <message>
        <location filename="../gui/context/parts.py" line="277"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../gui/context/parts.py" line="278"/>
        <source>Stop the run</source>
        <translation>停止运行</translation>
    </message>
    <message>
        <location filename="../gui/context/parts.py" line="279"/>
        <source>Model…</source>
        <translation>模型…</translation>
    </message>
    <message>
        <location filename="../gui/context/parts.py" line="280"/>
        <source>Use another BERT-family model folder (config.json, model.safetensors, tokenizer.json or vocab.txt)</source>
        <translation>改用另一个 BERT 系列模型文件夹（config.json、model.safetensors、tokenizer.json 或 vocab.txt）</translation>
    </message>
    <message>
        <location filename="../gui/context/parts.py" line="283"/>
        <source>One sentence per line</source>
        <translation>每行一个句子</translation>
    </message>
    <message>
        <location filename="../gui/context/parts.py" line="284"/>
        <source>One sentence per line; a word that occurs in several sentences gets a vector for each occurrence</source>
        <translation>每行一个句子；在多个句子中出现的词，每次出现都会得到一个自己的向量</translation>
    </message>
</context>
</TS>
