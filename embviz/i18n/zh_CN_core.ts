<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Corpus</name>
    <message>
        <location filename="../core/corpus.py" line="252"/>
        <source>Chinese text already separated by spaces: kept as it is</source>
        <translation>中文文本已用空格分好词：保持原样</translation>
    </message>
    <message>
        <location filename="../core/corpus.py" line="259"/>
        <source>Chinese text segmented into words by jieba {version} with the dictionary {dictionary}</source>
        <translation>中文文本已用 jieba {version} 和词典 {dictionary} 分词</translation>
    </message>
    <message>
        <location filename="../core/corpus.py" line="264"/>
        <source>Chinese text segmented into words by jieba {version} with its dictionary and HMM</source>
        <translation>中文文本已用 jieba {version}（自带词典和 HMM）分词</translation>
    </message>
    <message>
        <location filename="../core/corpus.py" line="271"/>
        <source>Chinese text split into single characters: {error}</source>
        <translation>中文文本已拆成单个汉字：{error}</translation>
    </message>
    <message>
        <location filename="../core/corpus.py" line="275"/>
        <source>Chinese text split into single characters: jieba is not installed (pip install &apos;embviz[zh]&apos; segments it into words)</source>
        <translation>中文文本已拆成单个汉字：未安装 jieba（pip install &apos;embviz[zh]&apos; 后即可按词切分）</translation>
    </message>
</context>
<context>
    <name>Directions</name>
    <message>
        <location filename="../core/directions.py" line="81"/>
        <location filename="../core/directions.py" line="92"/>
        <source>singular</source>
        <translation>单数</translation>
    </message>
    <message>
        <location filename="../core/directions.py" line="82"/>
        <location filename="../core/directions.py" line="93"/>
        <source>plural</source>
        <translation>复数</translation>
    </message>
    <message>
        <location filename="../core/directions.py" line="34"/>
        <source>dot product with {label} (raw)</source>
        <translation>与 {label} 的点积（原始值）</translation>
    </message>
    <message>
        <location filename="../core/directions.py" line="35"/>
        <source>dot product with unit-length {label}</source>
        <translation>与单位长度的 {label} 的点积</translation>
    </message>
    <message>
        <location filename="../core/directions.py" line="36"/>
        <source>cosine similarity with {label}</source>
        <translation>与 {label} 的余弦相似度</translation>
    </message>
    <message>
        <location filename="../core/directions.py" line="77"/>
        <source>plurality (cats − cat)</source>
        <translation>复数（cats − cat）</translation>
    </message>
    <message>
        <location filename="../core/directions.py" line="83"/>
        <location filename="../core/directions.py" line="94"/>
        <source>numbers</source>
        <translation>数词</translation>
    </message>
    <message>
        <location filename="../core/directions.py" line="88"/>
        <source>plurality (mean of pairs)</source>
        <translation>复数（词对平均）</translation>
    </message>
    <message>
        <location filename="../core/directions.py" line="98"/>
        <source>gender (male → female)</source>
        <translation>性别（男 → 女）</translation>
    </message>
    <message>
        <location filename="../core/directions.py" line="102"/>
        <source>male</source>
        <translation>男性</translation>
    </message>
    <message>
        <location filename="../core/directions.py" line="103"/>
        <source>female</source>
        <translation>女性</translation>
    </message>
    <message>
        <location filename="../core/directions.py" line="107"/>
        <source>tense (present → past)</source>
        <translation>时态（现在 → 过去）</translation>
    </message>
    <message>
        <location filename="../core/directions.py" line="111"/>
        <source>present</source>
        <translation>现在时</translation>
    </message>
    <message>
        <location filename="../core/directions.py" line="112"/>
        <source>past</source>
        <translation>过去时</translation>
    </message>
    <message>
        <location filename="../core/directions.py" line="116"/>
        <location filename="../core/directions.py" line="121"/>
        <source>comparative</source>
        <translation>比较级</translation>
    </message>
    <message>
        <location filename="../core/directions.py" line="120"/>
        <source>base</source>
        <translation>底数</translation>
    </message>
    <message>
        <location filename="../core/directions.py" line="125"/>
        <source>country → capital</source>
        <translation>国家 → 首都</translation>
    </message>
    <message>
        <location filename="../core/directions.py" line="129"/>
        <source>country</source>
        <translation>国家</translation>
    </message>
    <message>
        <location filename="../core/directions.py" line="130"/>
        <source>capital</source>
        <translation>首都</translation>
    </message>
    <message>
        <location filename="../core/directions.py" line="235"/>
        <source>mean of {n} pairs</source>
        <translation>{n} 个词对的平均</translation>
    </message>
    <message>
        <location filename="../core/directions.py" line="236"/>
        <source>mean of 1 pair</source>
        <translation>1 个词对的平均</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../core/errors.py" line="48"/>
        <source>{path}, line {line}</source>
        <translation>{path} 第 {line} 行</translation>
    </message>
    <message>
        <location filename="../core/errors.py" line="50"/>
        <source>{where}: {reason}</source>
        <translation>{where}：{reason}</translation>
    </message>
    <message>
        <location filename="../core/errors.py" line="62"/>
        <source>&apos;{word}&apos; is not in the vocabulary (did you mean: {suggestions}?)</source>
        <translation>“{word}”不在词表中（你是不是要找：{suggestions}？）</translation>
    </message>
    <message>
        <location filename="../core/errors.py" line="66"/>
        <source>&apos;{word}&apos; is not in the vocabulary</source>
        <translation>“{word}”不在词表中</translation>
    </message>
    <message>
        <location filename="../core/analogy.py" line="143"/>
        <source>the expression has no words</source>
        <translation>表达式里没有词</translation>
    </message>
    <message>
        <location filename="../core/analogy.py" line="152"/>
        <source>restrict_vocab must be at least 1, got {value}</source>
        <translation>restrict_vocab 至少为 1，实际为 {value}</translation>
    </message>
    <message>
        <location filename="../core/analogy.py" line="181"/>
        <source>&apos;{expression}&apos; adds up to the zero vector: no word is nearer than another</source>
        <translation>“{expression}”相加得到零向量：没有哪个词比别的词更近</translation>
    </message>
    <message>
        <location filename="../core/analogy.py" line="209"/>
        <location filename="../core/analogy.py" line="286"/>
        <source>unknown method {method!r}: use one of {known}</source>
        <translation>未知方法 {method!r}：请使用 {known} 之一</translation>
    </message>
    <message>
        <location filename="../core/analogy.py" line="214"/>
        <source>3CosMul needs at least one word with a + sign</source>
        <translation>3CosMul 至少需要一个带 + 号的词</translation>
    </message>
    <message>
        <location filename="../core/analogy.py" line="291"/>
        <location filename="../core/embeddings.py" line="316"/>
        <source>k must be at least 1, got {k}</source>
        <translation>k 至少为 1，实际为 {k}</translation>
    </message>
    <message>
        <location filename="../core/analogy.py" line="311"/>
        <source>&apos;{word}&apos; is not among the first {n:,} words searched</source>
        <translation>“{word}”不在所搜索的前 {n:,} 个词之中</translation>
    </message>
    <message>
        <location filename="../core/corpus.py" line="79"/>
        <source>no shipped corpus for {language!r}: use {known}</source>
        <translation>没有 {language!r} 的自带语料：请使用 {known}</translation>
    </message>
    <message>
        <location filename="../core/corpus.py" line="167"/>
        <source>the jieba dictionary is larger than {mb} MB</source>
        <translation>jieba 词典超过了 {mb} MB</translation>
    </message>
    <message>
        <location filename="../core/corpus.py" line="174"/>
        <source>the jieba dictionary must be UTF-8 text</source>
        <translation>jieba 词典必须是 UTF-8 文本</translation>
    </message>
    <message>
        <location filename="../core/corpus.py" line="179"/>
        <source>cannot read the jieba dictionary: {error}</source>
        <translation>无法读取 jieba 词典：{error}</translation>
    </message>
    <message>
        <location filename="../core/corpus.py" line="193"/>
        <source>line {n}: expected &apos;word [frequency]&apos;, got {text!r}</source>
        <translation>第 {n} 行：应当是“词 [词频]”，实际为 {text!r}</translation>
    </message>
    <message>
        <location filename="../core/corpus.py" line="318"/>
        <source>the corpus file does not exist</source>
        <translation>语料文件不存在</translation>
    </message>
    <message>
        <location filename="../core/corpus.py" line="321"/>
        <source>this is a folder; choose a plain-text file</source>
        <translation>这是一个文件夹；请选择一个纯文本文件</translation>
    </message>
    <message>
        <location filename="../core/corpus.py" line="329"/>
        <source>cannot read the corpus: {error}</source>
        <translation>无法读取语料：{error}</translation>
    </message>
    <message>
        <location filename="../core/corpus.py" line="336"/>
        <source>the corpus is empty: it needs plain text to train on</source>
        <translation>语料是空的：训练需要纯文本</translation>
    </message>
    <message>
        <location filename="../core/corpus.py" line="341"/>
        <source>this looks like a binary file, not text: choose a plain-text (.txt) corpus</source>
        <translation>这看起来是二进制文件而不是文本：请选择纯文本（.txt）语料</translation>
    </message>
    <message>
        <location filename="../core/corpus.py" line="354"/>
        <source>the corpus has no words (only digits or punctuation)</source>
        <translation>语料中没有词（只有数字或标点）</translation>
    </message>
    <message>
        <location filename="../core/corpus.py" line="374"/>
        <location filename="../core/corpus.py" line="396"/>
        <source>the corpus file disappeared or became unreadable during training ({error})</source>
        <translation>训练期间语料文件消失或变得无法读取（{error}）</translation>
    </message>
    <message>
        <location filename="../core/corpus.py" line="409"/>
        <source>reading the corpus failed: {error}</source>
        <translation>读取语料失败：{error}</translation>
    </message>
    <message>
        <location filename="../core/directions.py" line="216"/>
        <source>the pair list is empty: give pairs such as &apos;cat cats, dog dogs&apos;</source>
        <translation>词对列表为空：请给出词对，例如 “cat cats, dog dogs”</translation>
    </message>
    <message>
        <location filename="../core/directions.py" line="227"/>
        <source>none of the pairs has both words in the vocabulary (missing: {words})</source>
        <translation>没有一个词对的两个词都在词表中（缺少：{words}）</translation>
    </message>
    <message>
        <location filename="../core/directions.py" line="262"/>
        <source>&apos;{text}&apos; is not a pair: write two words such as &apos;cat cats&apos;</source>
        <translation>“{text}”不是词对：请写两个词，例如 “cat cats”</translation>
    </message>
    <message>
        <location filename="../core/directions.py" line="310"/>
        <source>no section &apos;{section}&apos; in questions-words.txt; sections: {known}</source>
        <translation>questions-words.txt 中没有“{section}”这一节；现有各节：{known}</translation>
    </message>
    <message>
        <location filename="../core/directions.py" line="330"/>
        <source>&apos;{source}&apos; is neither a questions-words section ({known}, …) nor a file of pairs</source>
        <translation>“{source}”既不是 questions-words 的一节（{known}，…），也不是词对文件</translation>
    </message>
    <message>
        <location filename="../core/directions.py" line="339"/>
        <source>{source}: not a UTF-8 text file of word pairs</source>
        <translation>{source}：不是 UTF-8 编码的词对文本文件</translation>
    </message>
    <message>
        <location filename="../core/directions.py" line="394"/>
        <source>unknown measure {measure!r}: use one of {known}</source>
        <translation>未知度量 {measure!r}：请使用 {known} 之一</translation>
    </message>
    <message>
        <location filename="../core/directions.py" line="400"/>
        <source>the direction is the zero vector: its two ends are the same word</source>
        <translation>该方向是零向量：它的两端是同一个词</translation>
    </message>
    <message>
        <location filename="../core/directions.py" line="429"/>
        <source>the baseline needs at least 2 random directions, got {n}</source>
        <translation>基线至少需要 2 个随机方向，实际为 {n}</translation>
    </message>
    <message>
        <location filename="../core/directions.py" line="440"/>
        <source>the word-pair baseline needs at least two words</source>
        <translation>词对基线至少需要两个词</translation>
    </message>
    <message>
        <location filename="../core/directions.py" line="447"/>
        <source>unknown baseline {kind!r}: use &apos;gaussian&apos; or &apos;word-pairs&apos;</source>
        <translation>未知基线 {kind!r}：请使用 &apos;gaussian&apos; 或 &apos;word-pairs&apos;</translation>
    </message>
    <message>
        <location filename="../core/embeddings.py" line="110"/>
        <source>vectors must be a 2-D matrix, got shape {shape}</source>
        <translation>向量必须是二维矩阵，实际形状为 {shape}</translation>
    </message>
    <message>
        <location filename="../core/embeddings.py" line="116"/>
        <source>{words} words but {vectors} vectors: they must match</source>
        <translation>{words} 个词却有 {vectors} 个向量：两者数量必须一致</translation>
    </message>
    <message>
        <location filename="../core/embeddings.py" line="311"/>
        <source>unknown metric {metric!r}: use &apos;cosine&apos; or &apos;euclidean&apos;</source>
        <translation>未知距离 {metric!r}：请使用 &apos;cosine&apos; 或 &apos;euclidean&apos;</translation>
    </message>
    <message>
        <location filename="../core/embeddings.py" line="326"/>
        <source>query has {query} dims, the vectors have {dim}</source>
        <translation>查询向量有 {query} 维，而词向量有 {dim} 维</translation>
    </message>
    <message>
        <location filename="../core/expressions.py" line="60"/>
        <source>{reason} at position {position}: {before}»{after}</source>
        <translation>{reason}（第 {position} 个字符处）：{before}»{after}</translation>
    </message>
    <message>
        <location filename="../core/expressions.py" line="84"/>
        <source>unexpected character</source>
        <translation>意外的字符</translation>
    </message>
    <message>
        <location filename="../core/expressions.py" line="175"/>
        <source>the expression is empty: type words joined by + and -</source>
        <translation>表达式为空：请输入用 + 和 - 连接的词</translation>
    </message>
    <message>
        <location filename="../core/expressions.py" line="190"/>
        <source>expected &apos;+&apos; or &apos;-&apos; before &apos;(&apos;</source>
        <translation>“(”前面应当有“+”或“-”</translation>
    </message>
    <message>
        <location filename="../core/expressions.py" line="196"/>
        <source>more than {n} nested parentheses</source>
        <translation>括号嵌套超过 {n} 层</translation>
    </message>
    <message>
        <location filename="../core/expressions.py" line="203"/>
        <source>&apos;)&apos; without a matching &apos;(&apos;</source>
        <translation>“)”没有与之配对的“(”</translation>
    </message>
    <message>
        <location filename="../core/expressions.py" line="205"/>
        <source>expected a word before &apos;)&apos;</source>
        <translation>“)”前面应当有一个词</translation>
    </message>
    <message>
        <location filename="../core/expressions.py" line="212"/>
        <source>&apos;*&apos; must follow a number, as in 2*walked</source>
        <translation>“*”必须跟在数字后面，例如 2*walked</translation>
    </message>
    <message>
        <location filename="../core/expressions.py" line="222"/>
        <source>expected a word before &apos;{operator}&apos;</source>
        <translation>“{operator}”前面应当有一个词</translation>
    </message>
    <message>
        <location filename="../core/expressions.py" line="232"/>
        <source>expected &apos;+&apos; or &apos;-&apos; before a number</source>
        <translation>数字前面应当有“+”或“-”</translation>
    </message>
    <message>
        <location filename="../core/expressions.py" line="239"/>
        <source>a number must be at most {most:,.0f}</source>
        <translation>数字不能大于 {most:,.0f}</translation>
    </message>
    <message>
        <location filename="../core/expressions.py" line="249"/>
        <source>expected &apos;+&apos; or &apos;-&apos; before &apos;{word}&apos;</source>
        <translation>“{word}”前面应当有“+”或“-”</translation>
    </message>
    <message>
        <location filename="../core/expressions.py" line="256"/>
        <source>expected a word at the end</source>
        <translation>末尾应当有一个词</translation>
    </message>
    <message>
        <location filename="../core/expressions.py" line="261"/>
        <source>this &apos;(&apos; is never closed: add &apos;)&apos;</source>
        <translation>这个“(”没有闭合：请补上“)”</translation>
    </message>
    <message>
        <location filename="../core/expressions.py" line="281"/>
        <source>&apos;{expression}&apos; is too large to compute with these vectors</source>
        <translation>“{expression}”的数值太大，无法用这些向量计算</translation>
    </message>
    <message>
        <location filename="../core/posenc.py" line="115"/>
        <source>{length} positions × {dim} dims is too large to draw (at most {most:,} values)</source>
        <translation>{length} 个位置 × {dim} 维太大，无法绘制（最多 {most:,} 个值）</translation>
    </message>
    <message>
        <location filename="../core/posenc.py" line="169"/>
        <source>{n} positions is too many for a similarity picture (at most {most:,}); use fewer positions</source>
        <translation>{n} 个位置太多，无法绘制相似度图（最多 {most:,} 个）；请减少位置数</translation>
    </message>
    <message>
        <location filename="../core/posenc.py" line="294"/>
        <source>is a directory, not a position matrix</source>
        <translation>是一个文件夹，不是位置矩阵</translation>
    </message>
    <message>
        <location filename="../core/posenc.py" line="303"/>
        <source>a position matrix must be a .npy or .safetensors file</source>
        <translation>位置矩阵必须是 .npy 或 .safetensors 文件</translation>
    </message>
    <message>
        <location filename="../core/posenc.py" line="308"/>
        <source>&apos;{name}&apos; has shape {shape}: a (positions × dim) matrix is needed</source>
        <translation>“{name}”的形状为 {shape}：需要一个（位置数 × 维数）的矩阵</translation>
    </message>
    <message>
        <location filename="../core/posenc.py" line="315"/>
        <source>&apos;{name}&apos; holds {dtype} values, not numbers</source>
        <translation>“{name}”里是 {dtype} 类型的值，不是数值</translation>
    </message>
    <message>
        <location filename="../core/posenc.py" line="337"/>
        <source>this position matrix</source>
        <translation>这个位置矩阵</translation>
    </message>
    <message>
        <location filename="../core/posenc.py" line="355"/>
        <source>no tensor named like &apos;position_embeddings&apos; (tensors: {names})</source>
        <translation>没有名称类似 &apos;position_embeddings&apos; 的张量（现有张量：{names}）</translation>
    </message>
    <message>
        <location filename="../core/posenc.py" line="358"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../core/posenc.py" line="363"/>
        <source>no tensor &apos;{name}&apos; in the file</source>
        <translation>文件中没有张量 &apos;{name}&apos;</translation>
    </message>
    <message>
        <location filename="../core/posenc.py" line="368"/>
        <source>not a readable safetensors file ({error})</source>
        <translation>不是可读的 safetensors 文件（{error}）</translation>
    </message>
    <message>
        <location filename="../core/posenc.py" line="374"/>
        <source>the tensor&apos;s dtype cannot be read without torch ({error})</source>
        <translation>没有 torch 就无法读取该张量的数据类型（{error}）</translation>
    </message>
    <message>
        <location filename="../core/posenc.py" line="458"/>
        <source>type a sentence first</source>
        <translation>请先输入一个句子</translation>
    </message>
    <message>
        <location filename="../core/posenc.py" line="468"/>
        <source>none of these words is in the open vectors: {words}</source>
        <translation>这些词都不在当前打开的向量中：{words}</translation>
    </message>
    <message>
        <location filename="../core/posenc.py" line="478"/>
        <source>the learned position matrix is {width} wide but the vectors have {dim} dimensions: token + position needs the same width</source>
        <translation>学到的位置矩阵宽 {width}，而词向量有 {dim} 维：词元 + 位置要求宽度相同</translation>
    </message>
    <message>
        <location filename="../core/posenc.py" line="486"/>
        <source>the sentence has {n} known words but the learned matrix only {positions} positions</source>
        <translation>句子有 {n} 个已知词，但学到的矩阵只有 {positions} 个位置</translation>
    </message>
    <message>
        <location filename="../core/wordsets.py" line="22"/>
        <source>show at least one word, got {n}</source>
        <translation>至少要显示一个词，实际为 {n}</translation>
    </message>
    <message>
        <location filename="../core/wordsets.py" line="48"/>
        <source>type a pattern, e.g. *ing or king</source>
        <translation>请输入一个模式，例如 *ing 或 king</translation>
    </message>
    <message>
        <location filename="../core/wordsets.py" line="61"/>
        <source>no word matches {pattern!r}</source>
        <translation>没有词与 {pattern!r} 匹配</translation>
    </message>
    <message>
        <location filename="../core/formats/__init__.py" line="115"/>
        <source>no file name given</source>
        <translation>没有给出文件名</translation>
    </message>
    <message>
        <location filename="../core/formats/__init__.py" line="121"/>
        <source>{name} must be at least 1, got {value}</source>
        <translation>{name} 至少为 1，实际为 {value}</translation>
    </message>
    <message>
        <location filename="../core/formats/__init__.py" line="128"/>
        <source>unicode_errors must be &apos;strict&apos; or &apos;replace&apos;, not {value!r}</source>
        <translation>unicode_errors 必须是 &apos;strict&apos; 或 &apos;replace&apos;，而不是 {value!r}</translation>
    </message>
    <message>
        <location filename="../core/formats/__init__.py" line="138"/>
        <source>unknown format {format!r}; known formats: {known}</source>
        <translation>未知格式 {format!r}；已知格式：{known}</translation>
    </message>
    <message>
        <location filename="../core/formats/__init__.py" line="148"/>
        <source>is a device, not a regular file; a {format} file cannot be read from it</source>
        <translation>是一个设备，不是普通文件；无法从中读取 {format} 文件</translation>
    </message>
    <message>
        <location filename="../core/formats/__init__.py" line="160"/>
        <location filename="../core/formats/_tsv.py" line="124"/>
        <source>is a directory, not a metadata file</source>
        <translation>是一个文件夹，不是元数据文件</translation>
    </message>
    <message>
        <location filename="../core/formats/__init__.py" line="309"/>
        <source>unknown format {format!r}</source>
        <translation>未知格式 {format!r}</translation>
    </message>
    <message>
        <location filename="../core/formats/__init__.py" line="499"/>
        <source>no line break in {mb} MB: not a text vector file</source>
        <translation>{mb} MB 内没有换行：不是文本向量文件</translation>
    </message>
    <message>
        <location filename="../core/formats/__init__.py" line="544"/>
        <source>cannot write format {format!r}; writable: {known}</source>
        <translation>无法写入格式 {format!r}；可写格式：{known}</translation>
    </message>
    <message>
        <location filename="../core/formats/__init__.py" line="549"/>
        <source>is a directory; give a file name</source>
        <translation>是一个文件夹；请给出文件名</translation>
    </message>
    <message>
        <location filename="../core/formats/__init__.py" line="557"/>
        <source>cannot write here: {error}</source>
        <translation>无法写入此处：{error}</translation>
    </message>
    <message>
        <location filename="../core/formats/__init__.py" line="565"/>
        <source>could not be written ({error}); any file of that name is unchanged</source>
        <translation>无法写入（{error}）；同名的已有文件保持不变</translation>
    </message>
    <message>
        <location filename="../core/formats/__init__.py" line="622"/>
        <source>is read with the input {input}</source>
        <translation>会随输入文件 {input} 一同读取</translation>
    </message>
    <message>
        <location filename="../core/formats/__init__.py" line="624"/>
        <source>is read with the input {input} (a link to {file})</source>
        <translation>会随输入文件 {input} 一同读取（它是指向 {file} 的链接）</translation>
    </message>
    <message>
        <location filename="../core/formats/__init__.py" line="627"/>
        <source>is the input file</source>
        <translation>就是输入文件</translation>
    </message>
    <message>
        <location filename="../core/formats/__init__.py" line="629"/>
        <source>is the input {input} under another name (a link to it)</source>
        <translation>就是换了名字的输入文件 {input}（指向它的链接）</translation>
    </message>
    <message>
        <location filename="../core/formats/__init__.py" line="634"/>
        <source>{what}: writing it would destroy the input; choose another name</source>
        <translation>{what}：写入它会毁掉输入文件；请换一个名字</translation>
    </message>
    <message>
        <location filename="../core/formats/__init__.py" line="647"/>
        <source>word {word!r} is empty or holds whitespace; text formats cannot store it</source>
        <translation>词 {word!r} 为空或含有空白字符；文本格式无法存储它</translation>
    </message>
    <message>
        <location filename="../core/formats/_binary.py" line="65"/>
        <location filename="../core/formats/_detect.py" line="88"/>
        <location filename="../core/formats/_text.py" line="361"/>
        <location filename="../core/formats/_tsv.py" line="112"/>
        <source>the file is empty</source>
        <translation>文件是空的</translation>
    </message>
    <message>
        <location filename="../core/formats/_binary.py" line="67"/>
        <source>no &apos;count dim&apos; header line</source>
        <translation>没有“词数 维数”（count dim）表头行</translation>
    </message>
    <message>
        <location filename="../core/formats/_binary.py" line="85"/>
        <source>no space after a word</source>
        <translation>词后面没有空格</translation>
    </message>
    <message>
        <location filename="../core/formats/_binary.py" line="102"/>
        <source>the file ends early (truncated?)</source>
        <translation>文件提前结束（被截断了？）</translation>
    </message>
    <message>
        <location filename="../core/formats/_binary.py" line="112"/>
        <source>the header says 0 vectors: the file has no vectors</source>
        <translation>表头说有 0 个向量：文件里没有向量</translation>
    </message>
    <message>
        <location filename="../core/formats/_binary.py" line="125"/>
        <source>word {index} (byte 0x{byte:02x})</source>
        <translation>第 {index} 个词（字节 0x{byte:02x}）</translation>
    </message>
    <message>
        <location filename="../core/formats/_binary.py" line="140"/>
        <source>{what}: the header says {count} vectors of {dim} dims but only {index} could be read</source>
        <translation>{what}：表头说有 {count} 个 {dim} 维向量，但只能读出 {index} 个</translation>
    </message>
    <message>
        <location filename="../core/formats/_binary.py" line="221"/>
        <source>word {word!r} cannot be stored in word2vec binary (empty, or contains a space, or starts with a newline)</source>
        <translation>词 {word!r} 无法存入 word2vec 二进制格式（为空、含有空格或以换行开头）</translation>
    </message>
    <message>
        <location filename="../core/formats/_detect.py" line="85"/>
        <location filename="../core/formats/_open.py" line="109"/>
        <location filename="../core/formats/_open.py" line="143"/>
        <source>cannot be read: {error}</source>
        <translation>无法读取：{error}</translation>
    </message>
    <message>
        <location filename="../core/formats/_detect.py" line="111"/>
        <source>the file is empty once {compression}-decompressed</source>
        <translation>文件经 {compression} 解压后是空的</translation>
    </message>
    <message>
        <location filename="../core/formats/_errors.py" line="45"/>
        <source>is a gensim pickle (.kv/.model); unpickling a file can run arbitrary code, so embviz opens it only if you trust it (CLI: --trust; API: trust=True)</source>
        <translation>是 gensim 的 pickle 文件（.kv/.model）；反序列化 pickle 可能运行任意代码，所以只有在你信任它时 embviz 才会打开（命令行：--trust；API：trust=True）</translation>
    </message>
    <message>
        <location filename="../core/formats/_errors.py" line="52"/>
        <source>This file is a Python pickle. Opening it runs code stored in the file. Open it only if you trust where it came from. Open it?</source>
        <translation>这个文件是 Python pickle。打开它会运行文件中保存的代码。只有在你信任它的来源时才打开。要打开吗？</translation>
    </message>
    <message>
        <location filename="../core/formats/_errors.py" line="66"/>
        <source>invalid UTF-8 ({detail}); to replace bad bytes with U+FFFD use --unicode-errors replace (API: unicode_errors=&apos;replace&apos;)</source>
        <translation>无效的 UTF-8（{detail}）；要把无效字节替换为 U+FFFD，请使用 --unicode-errors replace（API：unicode_errors=&apos;replace&apos;）</translation>
    </message>
    <message>
        <location filename="../core/formats/_errors.py" line="75"/>
        <source>Line {line} is not valid UTF-8 ({detail}). Replace invalid bytes with “�” and continue?</source>
        <translation>第 {line} 行不是有效的 UTF-8（{detail}）。把无效字节替换为“�”并继续吗？</translation>
    </message>
    <message>
        <location filename="../core/formats/_errors.py" line="81"/>
        <source>The file is not valid UTF-8 ({detail}). Replace invalid bytes with “�” and continue?</source>
        <translation>文件不是有效的 UTF-8（{detail}）。把无效字节替换为“�”并继续吗？</translation>
    </message>
    <message>
        <location filename="../core/formats/_errors.py" line="97"/>
        <source>needs about {need:.1f} GB of memory for ~{rows:,} vectors but only {available:.1f} GB is available; open a part of it with --limit N (the first N words) or --sample N (N words spread through the file), e.g. --sample {fit}</source>
        <translation>约 {rows:,} 个向量需要约 {need:.1f} GB 内存，但只有 {available:.1f} GB 可用；请只打开其中一部分：--limit N（前 N 个词）或 --sample N（从整个文件中均匀抽取 N 个词），例如 --sample {fit}</translation>
    </message>
    <message>
        <location filename="../core/formats/_errors.py" line="106"/>
        <source>The file needs about {need:.1f} GB of memory but only {available:.1f} GB is available. Load a sample of {fit:,} words spread through the file instead?</source>
        <translation>这个文件需要约 {need:.1f} GB 内存，但只有 {available:.1f} GB 可用。改为从整个文件中均匀抽取 {fit:,} 个词来载入吗？</translation>
    </message>
    <message>
        <location filename="../core/formats/_fasttext.py" line="54"/>
        <source>the dictionary</source>
        <translation>词典</translation>
    </message>
    <message>
        <location filename="../core/formats/_fasttext.py" line="54"/>
        <source>the header</source>
        <translation>表头</translation>
    </message>
    <message>
        <location filename="../core/formats/_fasttext.py" line="55"/>
        <source>the matrix header</source>
        <translation>矩阵表头</translation>
    </message>
    <message>
        <location filename="../core/formats/_fasttext.py" line="59"/>
        <location filename="../core/formats/_fasttext.py" line="73"/>
        <source>not a readable fastText .bin: the file ends inside {what} (truncated?)</source>
        <translation>不是可读的 fastText .bin 文件：文件在{what}中间就结束了（被截断了？）</translation>
    </message>
    <message>
        <location filename="../core/formats/_fasttext.py" line="92"/>
        <source>not a readable fastText .bin: word {index:,} of {total:,} has no end within {mb} MB</source>
        <translation>不是可读的 fastText .bin 文件：第 {index:,} 个词（共 {total:,} 个）在 {mb} MB 内没有结尾</translation>
    </message>
    <message>
        <location filename="../core/formats/_fasttext.py" line="96"/>
        <source>not a readable fastText .bin: the file ends inside word {index:,} of {total:,} (truncated?)</source>
        <translation>不是可读的 fastText .bin 文件：文件在第 {index:,} 个词（共 {total:,} 个）中间就结束了（被截断了？）</translation>
    </message>
    <message>
        <location filename="../core/formats/_fasttext.py" line="128"/>
        <source>not a readable fastText .bin: the header says {dim} dims</source>
        <translation>不是可读的 fastText .bin 文件：表头说有 {dim} 维</translation>
    </message>
    <message>
        <location filename="../core/formats/_fasttext.py" line="136"/>
        <source>is a supervised fastText model (a classifier with labels); only word-vector models can be read</source>
        <translation>是有监督的 fastText 模型（带标签的分类器）；只能读取词向量模型</translation>
    </message>
    <message>
        <location filename="../core/formats/_fasttext.py" line="140"/>
        <source>not a readable fastText .bin: the dictionary claims {entries:,} entries ({words:,} words) in a file of {size:,} bytes</source>
        <translation>不是可读的 fastText .bin 文件：词典声称在 {size:,} 字节的文件中有 {entries:,} 个条目（{words:,} 个词）</translation>
    </message>
    <message>
        <location filename="../core/formats/_fasttext.py" line="147"/>
        <source>is a quantized fastText model (.ftz), which gensim cannot read; use the full .bin</source>
        <translation>是量化的 fastText 模型（.ftz），gensim 无法读取；请使用完整的 .bin 文件</translation>
    </message>
    <message>
        <location filename="../core/formats/_fasttext.py" line="151"/>
        <source>not a readable fastText .bin: a {rows} × {cols} matrix for {words:,} words of {dim} dims</source>
        <translation>不是可读的 fastText .bin 文件：{words:,} 个 {dim} 维的词却配了一个 {rows} × {cols} 的矩阵</translation>
    </message>
    <message>
        <location filename="../core/formats/_fasttext.py" line="156"/>
        <source>not a readable fastText .bin: its {rows:,} × {cols} matrix does not fit in the file (truncated?)</source>
        <translation>不是可读的 fastText .bin 文件：它的 {rows:,} × {cols} 矩阵超出了文件（被截断了？）</translation>
    </message>
    <message>
        <location filename="../core/formats/_fasttext.py" line="164"/>
        <source>this fastText model</source>
        <translation>这个 fastText 模型</translation>
    </message>
    <message>
        <location filename="../core/formats/_fasttext.py" line="196"/>
        <source>not a readable fastText .bin: its dictionary repeats a word</source>
        <translation>不是可读的 fastText .bin 文件：它的词典中有重复的词</translation>
    </message>
    <message>
        <location filename="../core/formats/_gensim.py" line="36"/>
        <source>not a readable fastText .bin: {kind}: {error}</source>
        <translation>不是可读的 fastText .bin 文件：{kind}：{error}</translation>
    </message>
    <message>
        <location filename="../core/formats/_gensim.py" line="104"/>
        <source>not a readable gensim file: {kind}: {error}</source>
        <translation>不是可读的 gensim 文件：{kind}：{error}</translation>
    </message>
    <message>
        <location filename="../core/formats/_gensim.py" line="112"/>
        <source>holds a {kind}, not word vectors</source>
        <translation>里面是 {kind}，不是词向量</translation>
    </message>
    <message>
        <location filename="../core/formats/_memory.py" line="117"/>
        <source>{what} needs about {need:.1f} GB of memory but only {available:.1f} GB is available</source>
        <translation>{what}需要约 {need:.1f} GB 内存，但只有 {available:.1f} GB 可用</translation>
    </message>
    <message>
        <location filename="../core/formats/_npy.py" line="47"/>
        <location filename="../core/formats/_npy.py" line="301"/>
        <location filename="../core/formats/_npy.py" line="392"/>
        <source>is a directory, not a vocabulary file</source>
        <translation>是一个文件夹，不是词表文件</translation>
    </message>
    <message>
        <location filename="../core/formats/_npy.py" line="80"/>
        <source>matrix</source>
        <translation>矩阵</translation>
    </message>
    <message>
        <location filename="../core/formats/_npy.py" line="84"/>
        <source>array {name!r}</source>
        <translation>数组 {name!r}</translation>
    </message>
    <message>
        <location filename="../core/formats/_npy.py" line="92"/>
        <source>{what}: </source>
        <translation>{what}：</translation>
    </message>
    <message>
        <location filename="../core/formats/_npy.py" line="102"/>
        <source>{at}.npy version {version} is not supported</source>
        <translation>{at}不支持 .npy 版本 {version}</translation>
    </message>
    <message>
        <location filename="../core/formats/_npy.py" line="111"/>
        <source>{at}cannot be read as .npy (damaged header): {error}</source>
        <translation>{at}无法作为 .npy 读取（表头已损坏）：{error}</translation>
    </message>
    <message>
        <location filename="../core/formats/_npy.py" line="117"/>
        <source>{at}not a plain numeric array (it holds Python objects, which cannot be read without unpickling)</source>
        <translation>{at}不是普通的数值数组（里面是 Python 对象，不反序列化 pickle 就无法读取）</translation>
    </message>
    <message>
        <location filename="../core/formats/_npy.py" line="126"/>
        <source>expected a 2-D {what}, found shape {shape}</source>
        <translation>应当是二维{what}，实际形状为 {shape}</translation>
    </message>
    <message>
        <location filename="../core/formats/_npy.py" line="135"/>
        <source>expected numbers, found dtype {dtype}</source>
        <translation>应当是数值，实际数据类型为 {dtype}</translation>
    </message>
    <message>
        <location filename="../core/formats/_npy.py" line="144"/>
        <location filename="../core/formats/_npy.py" line="242"/>
        <location filename="../core/formats/_npy.py" line="258"/>
        <source>{what} is truncated (the header promises more data)</source>
        <translation>{what}被截断了（表头声明的数据更多）</translation>
    </message>
    <message>
        <location filename="../core/formats/_npy.py" line="275"/>
        <source>this column-major (Fortran-order) matrix</source>
        <translation>这个列优先（Fortran 顺序）矩阵</translation>
    </message>
    <message>
        <location filename="../core/posenc.py" line="331"/>
        <location filename="../core/formats/_npy.py" line="293"/>
        <source>is truncated: the header promises a {shape} matrix of {dtype} but the file is shorter</source>
        <translation>被截断了：表头声明了一个 {dtype} 类型的 {shape} 矩阵，但文件更短</translation>
    </message>
    <message>
        <location filename="../core/formats/_npy.py" line="298"/>
        <source>no vocabulary file beside it (expected NAME.vocab.txt or vocab.txt)</source>
        <translation>旁边没有词表文件（应为 NAME.vocab.txt 或 vocab.txt）</translation>
    </message>
    <message>
        <location filename="../core/formats/_npy.py" line="308"/>
        <source>has {words} words but {file} has {rows} rows</source>
        <translation>有 {words} 个词，但 {file} 有 {rows} 行</translation>
    </message>
    <message>
        <location filename="../core/formats/_npy.py" line="324"/>
        <source>is a zip archive holding no .npy arrays (it has {names}), not a NumPy .npz</source>
        <translation>是一个不含 .npy 数组的 zip 压缩包（其中有 {names}），不是 NumPy .npz 文件</translation>
    </message>
    <message>
        <location filename="../core/formats/_npy.py" line="333"/>
        <source>{array} is truncated: its header promises {shape} of {dtype}</source>
        <translation>{array}被截断了：它的表头声明了 {dtype} 类型的 {shape}</translation>
    </message>
    <message>
        <location filename="../core/formats/_npy.py" line="356"/>
        <source>cannot be read as .npz: {error}</source>
        <translation>无法作为 .npz 读取：{error}</translation>
    </message>
    <message>
        <location filename="../core/formats/_npy.py" line="370"/>
        <source>cannot tell which array holds the vectors: {names}</source>
        <translation>无法判断哪个数组存放着向量：{names}</translation>
    </message>
    <message>
        <location filename="../core/formats/_npy.py" line="387"/>
        <source>no &apos;words&apos; array inside and no vocabulary file beside it</source>
        <translation>里面没有 &apos;words&apos; 数组，旁边也没有词表文件</translation>
    </message>
    <message>
        <location filename="../core/formats/_npy.py" line="404"/>
        <source>{array} cannot be read: {error}</source>
        <translation>{array}无法读取：{error}</translation>
    </message>
    <message>
        <location filename="../core/formats/_npy.py" line="409"/>
        <source>{array} should hold one word per row, found shape {shape}</source>
        <translation>{array}应当每行一个词，实际形状为 {shape}</translation>
    </message>
    <message>
        <location filename="../core/formats/_npy.py" line="419"/>
        <source>{words} words but {rows} rows</source>
        <translation>{words} 个词却有 {rows} 行</translation>
    </message>
    <message>
        <location filename="../core/formats/_npy.py" line="445"/>
        <source>word {word!r} contains a NUL character; .npz cannot keep it</source>
        <translation>词 {word!r} 含有 NUL 字符；.npz 无法保存它</translation>
    </message>
    <message>
        <location filename="../core/formats/_open.py" line="63"/>
        <source>damaged {compression} data: {error}</source>
        <translation>{compression} 数据已损坏：{error}</translation>
    </message>
    <message>
        <location filename="../core/formats/_open.py" line="69"/>
        <source>a FIFO (named pipe)</source>
        <translation>一个 FIFO（命名管道）</translation>
    </message>
    <message>
        <location filename="../core/formats/_open.py" line="70"/>
        <source>a socket</source>
        <translation>一个套接字</translation>
    </message>
    <message>
        <location filename="../core/formats/_open.py" line="71"/>
        <source>a character device</source>
        <translation>一个字符设备</translation>
    </message>
    <message>
        <location filename="../core/formats/_open.py" line="72"/>
        <source>a block device</source>
        <translation>一个块设备</translation>
    </message>
    <message>
        <location filename="../core/formats/_open.py" line="103"/>
        <source>is a loop of symbolic links (each points to the next)</source>
        <translation>是一个符号链接循环（每个都指向下一个）</translation>
    </message>
    <message>
        <location filename="../core/formats/_open.py" line="107"/>
        <source>is a symbolic link to a missing file</source>
        <translation>是指向不存在文件的符号链接</translation>
    </message>
    <message>
        <location filename="../core/formats/_open.py" line="108"/>
        <source>no such file</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <location filename="../core/formats/_open.py" line="114"/>
        <source>is a directory, not a vector file</source>
        <translation>是一个文件夹，不是向量文件</translation>
    </message>
    <message>
        <location filename="../core/formats/_open.py" line="116"/>
        <source>not a regular file</source>
        <translation>不是普通文件</translation>
    </message>
    <message>
        <location filename="../core/formats/_open.py" line="119"/>
        <source>is {kind}, not a regular file; embviz reads only files it can seek in (save the data to a file first)</source>
        <translation>是{kind}，不是普通文件；embviz 只读取可以随机访问的文件（请先把数据保存到文件中）</translation>
    </message>
    <message>
        <location filename="../core/formats/_safetensors.py" line="38"/>
        <source>safetensors header is implausibly large</source>
        <translation>safetensors 表头大得不合常理</translation>
    </message>
    <message>
        <location filename="../core/formats/_safetensors.py" line="45"/>
        <source>not a readable safetensors file: {error}</source>
        <translation>不是可读的 safetensors 文件：{error}</translation>
    </message>
    <message>
        <location filename="../core/formats/_safetensors.py" line="50"/>
        <source>safetensors header is not a JSON object</source>
        <translation>safetensors 表头不是 JSON 对象</translation>
    </message>
    <message>
        <location filename="../core/formats/_safetensors.py" line="78"/>
        <source>tensor {name!r}: its header entry is not a JSON object</source>
        <translation>张量 {name!r}：它的表头条目不是 JSON 对象</translation>
    </message>
    <message>
        <location filename="../core/formats/_safetensors.py" line="84"/>
        <source>tensor {name!r}: unsupported dtype {dtype!r} (readable: {known})</source>
        <translation>张量 {name!r}：不支持的数据类型 {dtype!r}（可读取：{known}）</translation>
    </message>
    <message>
        <location filename="../core/formats/_safetensors.py" line="90"/>
        <source>tensor {name!r}: the shape must be a list of whole numbers</source>
        <translation>张量 {name!r}：形状必须是整数列表</translation>
    </message>
    <message>
        <location filename="../core/formats/_safetensors.py" line="96"/>
        <source>tensor {name!r}: data_offsets must be two whole numbers, start &lt;= end</source>
        <translation>张量 {name!r}：data_offsets 必须是两个整数，且起点 &lt;= 终点</translation>
    </message>
    <message>
        <location filename="../core/formats/_safetensors.py" line="101"/>
        <source>tensor {name!r} has shape {shape}, expected a 2-D matrix filling its byte range</source>
        <translation>张量 {name!r} 的形状为 {shape}，应当是恰好填满其字节范围的二维矩阵</translation>
    </message>
    <message>
        <location filename="../core/formats/_safetensors.py" line="124"/>
        <source>tensor {name!r} lies outside the file (truncated?)</source>
        <translation>张量 {name!r} 超出了文件范围（被截断了？）</translation>
    </message>
    <message>
        <location filename="../core/formats/_safetensors.py" line="131"/>
        <source>tensor {name!r}</source>
        <translation>张量 {name!r}</translation>
    </message>
    <message>
        <location filename="../core/formats/_safetensors.py" line="153"/>
        <source>cannot read the file: {error}</source>
        <translation>无法读取文件：{error}</translation>
    </message>
    <message>
        <location filename="../core/formats/_safetensors.py" line="167"/>
        <source>tensor {name!r}: unsupported dtype or bad header entry</source>
        <translation>张量 {name!r}：不支持的数据类型或表头条目有误</translation>
    </message>
    <message>
        <location filename="../core/formats/_safetensors.py" line="174"/>
        <source>tensor {name!r}: its bytes do not fit its shape {shape} or lie outside the file (truncated?)</source>
        <translation>张量 {name!r}：它的字节数与形状 {shape} 不符，或超出了文件范围（被截断了？）</translation>
    </message>
    <message>
        <location filename="../core/formats/_safetensors.py" line="182"/>
        <source>tensor {name!r}: shape {shape} is impossible</source>
        <translation>张量 {name!r}：形状 {shape} 不可能成立</translation>
    </message>
    <message>
        <location filename="../core/formats/_safetensors.py" line="191"/>
        <source>the id of token {token!r} is {id!r}, not a whole number</source>
        <translation>词元 {token!r} 的编号是 {id!r}，不是整数</translation>
    </message>
    <message>
        <location filename="../core/formats/_safetensors.py" line="210"/>
        <source>is a directory, not a tokenizer file</source>
        <translation>是一个文件夹，不是分词器文件</translation>
    </message>
    <message>
        <location filename="../core/formats/_safetensors.py" line="218"/>
        <source>no vocabulary in tokenizer.json: {error}</source>
        <translation>tokenizer.json 中没有词表：{error}</translation>
    </message>
    <message>
        <location filename="../core/formats/_safetensors.py" line="233"/>
        <source>the Unigram vocabulary must be a list of [token, score] pairs</source>
        <translation>Unigram 词表必须是 [词元, 分数] 对的列表</translation>
    </message>
    <message>
        <location filename="../core/formats/_safetensors.py" line="240"/>
        <source>the vocabulary is neither a token → id map nor a list</source>
        <translation>词表既不是“词元 → 编号”的映射，也不是列表</translation>
    </message>
    <message>
        <location filename="../core/formats/_safetensors.py" line="243"/>
        <source>added_tokens must be a list</source>
        <translation>added_tokens 必须是列表</translation>
    </message>
    <message>
        <location filename="../core/formats/_safetensors.py" line="246"/>
        <source>each of added_tokens must be a JSON object</source>
        <translation>added_tokens 的每一项都必须是 JSON 对象</translation>
    </message>
    <message>
        <location filename="../core/formats/_safetensors.py" line="270"/>
        <source>no token-embedding tensor (looked for *{name} etc.); 2-D tensors: {found}</source>
        <translation>没有词元嵌入张量（查找了 *{name} 等）；二维张量有：{found}</translation>
    </message>
    <message>
        <location filename="../core/formats/_safetensors.py" line="290"/>
        <source>no vocab.txt or tokenizer.json beside it</source>
        <translation>旁边没有 vocab.txt 或 tokenizer.json</translation>
    </message>
    <message>
        <location filename="../core/formats/_text.py" line="63"/>
        <source>the header must be two whole numbers: count dim</source>
        <translation>表头必须是两个整数：词数 维数</translation>
    </message>
    <message>
        <location filename="../core/formats/_text.py" line="68"/>
        <source>the header says {count} vectors of {dim} dims</source>
        <translation>表头说有 {count} 个 {dim} 维向量</translation>
    </message>
    <message>
        <location filename="../core/formats/_text.py" line="74"/>
        <source>the header says {dim:,} dims; embviz reads vectors of at most {most:,} dims</source>
        <translation>表头说有 {dim:,} 维；embviz 最多读取 {most:,} 维的向量</translation>
    </message>
    <message>
        <location filename="../core/formats/_text.py" line="87"/>
        <source>byte 0x{byte:02x} at column {column}</source>
        <translation>第 {column} 列的字节 0x{byte:02x}</translation>
    </message>
    <message>
        <location filename="../core/formats/_text.py" line="112"/>
        <source>{n} number</source>
        <translation>{n} 个数值</translation>
    </message>
    <message>
        <location filename="../core/formats/_text.py" line="113"/>
        <source>{n} numbers</source>
        <translation>{n} 个数值</translation>
    </message>
    <message>
        <location filename="../core/formats/_text.py" line="121"/>
        <source>empty line; expected a word and {numbers}</source>
        <translation>空行；应当是一个词加 {numbers}</translation>
    </message>
    <message>
        <location filename="../core/formats/_text.py" line="127"/>
        <source>expected a word and {numbers} (the header says {dim}), found {found}</source>
        <translation>应当是一个词加 {numbers}（表头说是 {dim} 维），实际有 {found} 个</translation>
    </message>
    <message>
        <location filename="../core/formats/_text.py" line="131"/>
        <source>expected a word and {numbers} (the first line has {dim}), found {found}</source>
        <translation>应当是一个词加 {numbers}（第一行有 {dim} 个），实际有 {found} 个</translation>
    </message>
    <message>
        <location filename="../core/formats/_text.py" line="138"/>
        <source>; the word looks like it contains a space ({word!r}), which this format cannot store (gensim refuses such lines too)</source>
        <translation>；这个词似乎含有空格（{word!r}），这种格式无法存储（gensim 也会拒绝这样的行）</translation>
    </message>
    <message>
        <location filename="../core/formats/_text.py" line="175"/>
        <source>not a number: {value!r} (value {column} of the word {word!r})</source>
        <translation>不是数字：{value!r}（词 {word!r} 的第 {column} 个值）</translation>
    </message>
    <message>
        <location filename="../core/formats/_text.py" line="315"/>
        <source>the line has {dim:,} values; embviz reads vectors of at most {most:,} dims</source>
        <translation>这一行有 {dim:,} 个值；embviz 最多读取 {most:,} 维的向量</translation>
    </message>
    <message>
        <location filename="../core/formats/_text.py" line="320"/>
        <source>holds binary data, not text, and is no vector format embviz knows (damaged, or not a vector file)</source>
        <translation>里面是二进制数据而不是文本，也不是 embviz 认识的向量格式（已损坏，或不是向量文件）</translation>
    </message>
    <message>
        <location filename="../core/formats/_text.py" line="326"/>
        <source>a line needs a word followed by numbers</source>
        <translation>每行应当是一个词，后面跟着数字</translation>
    </message>
    <message>
        <location filename="../core/formats/_text.py" line="329"/>
        <source>looks like a &apos;count dim&apos; header, but {value!r} is not a whole number</source>
        <translation>看起来像“词数 维数”表头，但 {value!r} 不是整数</translation>
    </message>
    <message>
        <location filename="../core/formats/_text.py" line="383"/>
        <source>no line break in {mb} MB: not a text vector file (lines are at most {most} MB)</source>
        <translation>{mb} MB 内没有换行：不是文本向量文件（每行最多 {most} MB）</translation>
    </message>
    <message>
        <location filename="../core/formats/_text.py" line="421"/>
        <source>the file has no vectors</source>
        <translation>文件里没有向量</translation>
    </message>
    <message>
        <location filename="../core/formats/_text.py" line="426"/>
        <source>the header says {count} vectors but the file has {rows}</source>
        <translation>表头说有 {count} 个向量，但文件只有 {rows} 个</translation>
    </message>
    <message>
        <location filename="../core/formats/_text.py" line="436"/>
        <source>the header says {count} vectors but the file has more lines</source>
        <translation>表头说有 {count} 个向量，但文件的行数更多</translation>
    </message>
    <message>
        <location filename="../core/formats/_tsv.py" line="51"/>
        <source>expected {dim} tab-separated numbers, found {found}</source>
        <translation>应当是 {dim} 个以制表符分隔的数字，实际有 {found} 个</translation>
    </message>
    <message>
        <location filename="../core/formats/_tsv.py" line="61"/>
        <source>not a number: {value!r}</source>
        <translation>不是数字：{value!r}</translation>
    </message>
    <message>
        <location filename="../core/formats/_tsv.py" line="95"/>
        <source>holds more than {mb:,} MB of text: too large to read whole into the memory available</source>
        <translation>文本超过 {mb:,} MB：太大，无法整个读入可用内存</translation>
    </message>
    <message>
        <location filename="../core/formats/_tsv.py" line="147"/>
        <source>expected {columns} columns, found {found}</source>
        <translation>应当有 {columns} 列，实际有 {found} 列</translation>
    </message>
    <message>
        <location filename="../core/formats/_tsv.py" line="159"/>
        <source>has {lines} lines but {file} has {n} vectors</source>
        <translation>有 {lines} 行，但 {file} 有 {n} 个向量</translation>
    </message>
    <message>
        <location filename="../core/formats/_tsv.py" line="175"/>
        <source>word {word!r} contains a tab or newline; TSV cannot hold it</source>
        <translation>词 {word!r} 含有制表符或换行；TSV 无法存放它</translation>
    </message>
    <message>
        <location filename="../core/training.py" line="441"/>
        <source>{path}: the corpus became empty during training</source>
        <translation>{path}：训练期间语料变成了空的</translation>
    </message>
    <message>
        <location filename="../core/training.py" line="508"/>
        <source>{path}: only {kept} word(s) occur at least min count = {min_count} times ({distinct} distinct words, the most frequent occurs {top} times); training needs at least 3 — lower the min count or use a larger corpus</source>
        <translation>{path}：只有 {kept} 个词出现次数达到最小词频 {min_count}（共 {distinct} 个不同的词，最常见的出现 {top} 次）；训练至少需要 3 个——请降低最小词频或使用更大的语料</translation>
    </message>
    <message>
        <location filename="../core/training.py" line="536"/>
        <source>{path}: the pretrained vectors have {dim} dimensions; set the dimension to {dim} to start from them</source>
        <translation>{path}：预训练向量是 {dim} 维的；要从它们开始，请把维数设为 {dim}</translation>
    </message>
    <message>
        <location filename="../core/training.py" line="545"/>
        <source>{path}: covers none of the corpus&apos; words</source>
        <translation>{path}：不包含语料中的任何词</translation>
    </message>
    <message>
        <location filename="../core/training.py" line="606"/>
        <source>{path}: cannot write the vectors ({error})</source>
        <translation>{path}：无法写入向量（{error}）</translation>
    </message>
    <message>
        <location filename="../core/compare.py" line="396"/>
        <source>need at least 2 anchor words, got {n}</source>
        <translation>至少需要 2 个锚点词，实际为 {n}</translation>
    </message>
    <message>
        <location filename="../core/compare.py" line="410"/>
        <source>only {found} of the {wanted:,} anchor words are in both spaces: need at least 2</source>
        <translation>{wanted:,} 个锚点词中只有 {found} 个同时在两个空间中：至少需要 2 个</translation>
    </message>
    <message>
        <location filename="../core/compare.py" line="419"/>
        <source>{name} has {n:,} shared words with NaN or infinite values (first: {word!r}); load it with --drop-nonfinite</source>
        <translation>{name} 有 {n:,} 个共有词的值为 NaN 或无穷大（第一个：{word!r}）；请用 --drop-nonfinite 载入</translation>
    </message>
    <message>
        <location filename="../core/compare.py" line="508"/>
        <source>the held-out sample must have at least 1 word, got {n}</source>
        <translation>留出样本至少要有 1 个词，实际为 {n}</translation>
    </message>
    <message>
        <location filename="../core/compare.py" line="516"/>
        <source>the two spaces share {n} words: need at least 2</source>
        <translation>两个空间只有 {n} 个共有词：至少需要 2 个</translation>
    </message>
    <message>
        <location filename="../core/compare.py" line="518"/>
        <source>the two spaces share {n} words: need at least 2 (matching ignoring case may find more)</source>
        <translation>两个空间只有 {n} 个共有词：至少需要 2 个（忽略大小写匹配也许能找到更多）</translation>
    </message>
    <message>
        <location filename="../core/compare_model.py" line="243"/>
        <source>choose the two spaces to compare first</source>
        <translation>请先选择要比较的两个空间</translation>
    </message>
    <message>
        <location filename="../core/context/_files.py" line="74"/>
        <source>{path}: no such model folder</source>
        <translation>{path}：没有这个模型文件夹</translation>
    </message>
    <message>
        <location filename="../core/context/_files.py" line="76"/>
        <source>{path}: is a file; --model takes the folder holding config.json and model.safetensors</source>
        <translation>{path}：是一个文件；--model 需要的是存放 config.json 和 model.safetensors 的文件夹</translation>
    </message>
    <message>
        <location filename="../core/context/_files.py" line="82"/>
        <source>{first} or {second}</source>
        <translation>{first} 或 {second}</translation>
    </message>
    <message>
        <location filename="../core/context/_files.py" line="88"/>
        <source>{path}: not a BERT model folder (missing {names})</source>
        <translation>{path}：不是 BERT 模型文件夹（缺少 {names}）</translation>
    </message>
    <message>
        <location filename="../core/context/_files.py" line="112"/>
        <source>no contextual model is installed (looked in {folder}); run scripts/setup or &apos;python packaging/fetch_minilm.py&apos;, or pass --model DIR (a BERT folder with config.json, model.safetensors and tokenizer.json or vocab.txt)</source>
        <translation>没有安装上下文模型（查找位置：{folder}）；请运行 scripts/setup 或 &apos;python packaging/fetch_minilm.py&apos;，或者用 --model DIR 指定（一个含有 config.json、model.safetensors 以及 tokenizer.json 或 vocab.txt 的 BERT 文件夹）</translation>
    </message>
    <message>
        <location filename="../core/context/_files.py" line="144"/>
        <source>implausibly large (over {limit:,} bytes)</source>
        <translation>大得不合常理（超过 {limit:,} 字节）</translation>
    </message>
    <message>
        <location filename="../core/context/_files.py" line="149"/>
        <source>not readable JSON: {error}</source>
        <translation>不是可读的 JSON：{error}</translation>
    </message>
    <message>
        <location filename="../core/context/_files.py" line="152"/>
        <source>not a JSON object</source>
        <translation>不是 JSON 对象</translation>
    </message>
    <message>
        <location filename="../core/context/_tokens.py" line="70"/>
        <source>the &apos;tokenizers&apos; package is not installed (pip install tokenizers; scripts/setup does)</source>
        <translation>没有安装 &apos;tokenizers&apos; 包（pip install tokenizers；scripts/setup 会安装它）</translation>
    </message>
    <message>
        <location filename="../core/context/_tokens.py" line="76"/>
        <source>implausibly large for a tokenizer (over 64 MB)</source>
        <translation>作为分词器大得不合常理（超过 64 MB）</translation>
    </message>
    <message>
        <location filename="../core/context/_tokens.py" line="83"/>
        <source>not a readable tokenizer: {error}</source>
        <translation>不是可读的分词器：{error}</translation>
    </message>
    <message>
        <location filename="../core/context/_tokens.py" line="96"/>
        <source>not a readable WordPiece vocabulary: {error}</source>
        <translation>不是可读的 WordPiece 词表：{error}</translation>
    </message>
    <message>
        <location filename="../core/context/_tokens.py" line="128"/>
        <source>the sentence is empty</source>
        <translation>句子是空的</translation>
    </message>
    <message>
        <location filename="../core/context/_tokens.py" line="130"/>
        <source>the sentence has {chars:,} characters; the model reads at most {most} tokens, so it is refused (shorten it)</source>
        <translation>句子有 {chars:,} 个字符；模型最多读取 {most} 个词元，因此不予处理（请缩短它）</translation>
    </message>
    <message>
        <location filename="../core/context/_tokens.py" line="137"/>
        <source>{source}: the tokenizer failed: {error}</source>
        <translation>{source}：分词器出错：{error}</translation>
    </message>
    <message>
        <location filename="../core/context/_tokens.py" line="142"/>
        <source>the sentence is {n} tokens long with [CLS] and [SEP]; the model has {most} positions, so it is refused, not truncated (shorten it or split it)</source>
        <translation>算上 [CLS] 和 [SEP]，句子长 {n} 个词元；模型只有 {most} 个位置，因此不予处理，也不会截断（请缩短或拆分它）</translation>
    </message>
    <message>
        <location filename="../core/context/_tokens.py" line="148"/>
        <source>the sentence has no tokens but [CLS] and [SEP]</source>
        <translation>句子除了 [CLS] 和 [SEP] 之外没有词元</translation>
    </message>
    <message>
        <location filename="../core/projection.py" line="78"/>
        <source>a {kind} layout is not a linear map: it cannot place other points</source>
        <translation>{kind} 布局不是线性映射：无法放置其他点</translation>
    </message>
    <message>
        <location filename="../core/projection.py" line="127"/>
        <source>{what} needs at least two vectors</source>
        <translation>{what}至少需要两个向量</translation>
    </message>
    <message>
        <location filename="../core/projection.py" line="131"/>
        <source>{what} to {k} dimensions needs vectors of at least {k} dimensions</source>
        <translation>{what}降到 {k} 维需要至少 {k} 维的向量</translation>
    </message>
    <message>
        <location filename="../core/projection.py" line="224"/>
        <source>{name} has {n} dimensions, the vectors have {dim}</source>
        <translation>{name} 有 {n} 维，而词向量有 {dim} 维</translation>
    </message>
    <message>
        <location filename="../core/projection.py" line="231"/>
        <source>{name} is the zero vector: it has no direction</source>
        <translation>{name} 是零向量：它没有方向</translation>
    </message>
    <message>
        <location filename="../core/projection.py" line="241"/>
        <source>{name} is (nearly) parallel to {earlier}: only {percent:.1f} % of its length is new. Choose a different direction.</source>
        <translation>{name} 与 {earlier}（几乎）平行：它的长度只有 {percent:.1f} % 是新的方向。请换一个方向。</translation>
    </message>
    <message>
        <location filename="../core/projection.py" line="286"/>
        <source>A projection on axes</source>
        <translation>按坐标轴投影</translation>
    </message>
    <message>
        <location filename="../core/projection.py" line="288"/>
        <source>a 3D slice needs exactly three axes</source>
        <translation>三维切片正好需要三个坐标轴</translation>
    </message>
    <message>
        <location filename="../core/projection.py" line="290"/>
        <source>give at least one axis direction</source>
        <translation>请至少给出一个坐标轴方向</translation>
    </message>
    <message>
        <location filename="../core/projection.py" line="323"/>
        <source>A random slice</source>
        <translation>随机切片</translation>
    </message>
    <message>
        <location filename="../core/projection.py" line="336"/>
        <source>A raw slice</source>
        <translation>原始维度切片</translation>
    </message>
    <message>
        <location filename="../core/projection.py" line="340"/>
        <source>choose three different dimensions, got {dims}</source>
        <translation>请选择三个不同的维度，实际为 {dims}</translation>
    </message>
    <message>
        <location filename="../core/projection.py" line="345"/>
        <source>dimension {d} does not exist: the vectors have {n} (0–{last})</source>
        <translation>第 {d} 维不存在：向量共有 {n} 维（0–{last}）</translation>
    </message>
    <message>
        <location filename="../core/workspace.py" line="318"/>
        <source>there are no {layout} positions for the shown words yet</source>
        <translation>显示的词还没有 {layout} 位置</translation>
    </message>
    <message>
        <location filename="../core/workspace.py" line="349"/>
        <location filename="../core/workspace.py" line="500"/>
        <location filename="../core/workspace.py" line="552"/>
        <location filename="../core/workspace.py" line="588"/>
        <location filename="../core/workspace.py" line="609"/>
        <source>nothing is loaded</source>
        <translation>还没有载入任何数据</translation>
    </message>
    <message>
        <location filename="../core/workspace.py" line="355"/>
        <source>the {axis} axis {label!r} has {n} numbers, the vectors have {dim}</source>
        <translation>{axis} 轴 {label!r} 有 {n} 个数值，而向量有 {dim} 维</translation>
    </message>
    <message>
        <location filename="../core/workspace.py" line="563"/>
        <source>the shown words changed while {layout} was computed: run it again</source>
        <translation>计算 {layout} 期间显示的词变了：请重新运行</translation>
    </message>
    <message>
        <location filename="../core/workspace.py" line="616"/>
        <source>the direction has {n} dimensions, the vectors have {dim}</source>
        <translation>这个方向有 {n} 维，而词向量有 {dim} 维</translation>
    </message>
    <message>
        <location filename="../core/nonlinear.py" line="118"/>
        <source>{layout} needs the optional package {package}, which is not installed: {hint}</source>
        <translation>{layout} 需要可选包 {package}，但它没有安装：{hint}</translation>
    </message>
    <message>
        <location filename="../core/nonlinear.py" line="131"/>
        <source>{message} (importing it failed: {error})</source>
        <translation>{message}（导入失败：{error}）</translation>
    </message>
    <message>
        <location filename="../core/nonlinear.py" line="148"/>
        <source>{layout} needs a matrix of word vectors</source>
        <translation>{layout} 需要一个词向量矩阵</translation>
    </message>
    <message>
        <location filename="../core/nonlinear.py" line="154"/>
        <source>{layout} needs at least {most} words to find neighbourhoods; {n} shown. Show more words, or use a linear slice such as PCA.</source>
        <translation>{layout} 至少需要 {most} 个词才能找到邻域；当前显示 {n} 个。请显示更多的词，或改用 PCA 等线性切片。</translation>
    </message>
    <message>
        <location filename="../core/nonlinear.py" line="162"/>
        <source>{layout} to 3 dimensions needs vectors of at least 3 dimensions</source>
        <translation>{layout} 降到 3 维需要至少 3 维的向量</translation>
    </message>
    <message>
        <location filename="../core/nonlinear.py" line="168"/>
        <source>{layout} cannot place vectors with NaN or infinite values</source>
        <translation>{layout} 无法放置含有 NaN 或无穷大值的向量</translation>
    </message>
    <message>
        <location filename="../core/nonlinear.py" line="174"/>
        <source>{layout} compares directions (cosine) and a zero vector has none: leave it out of the shown words</source>
        <translation>{layout} 比较的是方向（余弦），而零向量没有方向：请不要显示它</translation>
    </message>
</context>
<context>
    <name>FileOpener</name>
    <message>
        <location filename="../core/default_data.py" line="14"/>
        <source>GloVe 6B 50d, top 50k words (embedded default)</source>
        <translation>GloVe 6B 50d，前 5 万个词（内置默认数据）</translation>
    </message>
</context>
<context>
    <name>Frames</name>
    <message>
        <location filename="../core/frames.py" line="152"/>
        <source>aligned</source>
        <translation>对齐后</translation>
    </message>
    <message>
        <location filename="../core/frames.py" line="159"/>
        <source>snapshot {n}</source>
        <translation>快照 {n}</translation>
    </message>
    <message>
        <location filename="../core/frames.py" line="161"/>
        <source>final</source>
        <translation>最新</translation>
    </message>
    <message>
        <location filename="../core/frames.py" line="166"/>
        <source>PC{n} of {frame} ({share} %)</source>
        <translation>{frame} 的主成分 {n}（{share} %）</translation>
    </message>
</context>
<context>
    <name>Nonlinear</name>
    <message>
        <location filename="../core/nonlinear.py" line="91"/>
        <source>{name} of a random sample of {n} of the {of} shown words (seed {seed}); the others are hidden.</source>
        <translation>对显示的 {of} 个词中随机抽取的 {n} 个词做 {name}（种子 {seed}）；其余的词已隐藏。</translation>
    </message>
    <message>
        <location filename="../core/nonlinear.py" line="96"/>
        <source>{name} of the {n} shown words (seed {seed}).</source>
        <translation>对显示的 {n} 个词做 {name}（种子 {seed}）。</translation>
    </message>
</context>
<context>
    <name>Posenc</name>
    <message>
        <location filename="../core/posenc.py" line="29"/>
        <source>interleaved: sin in even dims, cos in odd dims (the paper&apos;s formula)</source>
        <translation>交错排列：偶数维用 sin，奇数维用 cos（论文原始公式）</translation>
    </message>
    <message>
        <location filename="../core/posenc.py" line="32"/>
        <source>concatenated: all sin dims, then all cos dims (tensor2tensor, some libraries)</source>
        <translation>拼接排列：先是全部 sin 维，再是全部 cos 维（tensor2tensor 等一些库的做法）</translation>
    </message>
    <message>
        <location filename="../core/posenc.py" line="217"/>
        <source>clips {share} % at ±{limit} (max {max})</source>
        <translation>在 ±{limit} 处截断 {share} %（最大值 {max}）</translation>
    </message>
    <message>
        <location filename="../core/posenc.py" line="224"/>
        <source>colour range ±{limit} (the largest |value|)</source>
        <translation>颜色范围 ±{limit}（最大的 |值|）</translation>
    </message>
    <message>
        <location filename="../core/posenc.py" line="227"/>
        <source>colour range ±{limit} = {percentile}th percentile of |value|: clips {share} % of the values (largest |value| {max})</source>
        <translation>颜色范围 ±{limit} = |值| 的第 {percentile} 百分位数：截断了 {share} % 的值（最大 |值| 为 {max}）</translation>
    </message>
</context>
<context>
    <name>Projection</name>
    <message>
        <location filename="../core/projection.py" line="176"/>
        <source>Principal components of the shown words.</source>
        <translation>显示的词的主成分。</translation>
    </message>
    <message>
        <location filename="../core/projection.py" line="178"/>
        <source>Principal components of {n} words.</source>
        <translation>{n} 个词的主成分。</translation>
    </message>
    <message>
        <location filename="../core/projection.py" line="310"/>
        <source>rest PC{n}</source>
        <translation>剩余主成分 {n}</translation>
    </message>
    <message>
        <location filename="../core/projection.py" line="313"/>
        <source>Directions orthogonalised in the order {order} (Gram–Schmidt).</source>
        <translation>各方向按 {order} 的顺序正交化（格拉姆-施密特）。</translation>
    </message>
    <message>
        <location filename="../core/projection.py" line="317"/>
        <source> Free axes show the largest remaining spread.</source>
        <translation> 自由轴显示剩余分布最大的方向。</translation>
    </message>
    <message>
        <location filename="../core/projection.py" line="328"/>
        <source>random {axis}</source>
        <translation>随机 {axis}</translation>
    </message>
    <message>
        <location filename="../core/projection.py" line="330"/>
        <source>A random orthonormal slice (seed {seed}).</source>
        <translation>一个随机的正交切片（种子 {seed}）。</translation>
    </message>
    <message>
        <location filename="../core/projection.py" line="350"/>
        <source>dim {d}</source>
        <translation>第 {d} 维</translation>
    </message>
    <message>
        <location filename="../core/projection.py" line="351"/>
        <source>Three of the vectors&apos; own coordinates.</source>
        <translation>词向量自身的三个坐标。</translation>
    </message>
</context>
<context>
    <name>SliceSpec</name>
    <message>
        <location filename="../core/slicespec.py" line="214"/>
        <source>t-SNE: keep neighbours together (not a slice)</source>
        <translation>t-SNE：让近邻聚在一起（不是切片）</translation>
    </message>
    <message>
        <location filename="../core/slicespec.py" line="215"/>
        <source>UMAP: keep neighbours together (not a slice)</source>
        <translation>UMAP：让近邻聚在一起（不是切片）</translation>
    </message>
    <message>
        <location filename="../core/slicespec.py" line="218"/>
        <source>PCA of the shown words</source>
        <translation>显示的词的 PCA</translation>
    </message>
    <message>
        <location filename="../core/slicespec.py" line="219"/>
        <source>PCA of the whole vocabulary</source>
        <translation>整个词表的 PCA</translation>
    </message>
    <message>
        <location filename="../core/slicespec.py" line="220"/>
        <source>Three semantic axes</source>
        <translation>三根语义轴</translation>
    </message>
    <message>
        <location filename="../core/slicespec.py" line="221"/>
        <source>Random orthonormal slice</source>
        <translation>随机正交切片</translation>
    </message>
    <message>
        <location filename="../core/slicespec.py" line="222"/>
        <source>Three raw coordinates</source>
        <translation>三个原始坐标</translation>
    </message>
</context>
<context>
    <name>TrainParams</name>
    <message>
        <location filename="../core/training.py" line="130"/>
        <source>Architecture</source>
        <translation>架构</translation>
    </message>
    <message>
        <location filename="../core/training.py" line="132"/>
        <source>Skip-gram predicts the context from a word; CBOW the word from its context</source>
        <translation>Skip-gram 由一个词预测它的上下文；CBOW 由上下文预测这个词</translation>
    </message>
    <message>
        <location filename="../core/training.py" line="136"/>
        <source>skip-gram</source>
        <translation>skip-gram</translation>
    </message>
    <message>
        <location filename="../core/training.py" line="140"/>
        <source>Dimensions</source>
        <translation>维数</translation>
    </message>
    <message>
        <location filename="../core/training.py" line="143"/>
        <source>Vector dimension</source>
        <translation>词向量的维数</translation>
    </message>
    <message>
        <location filename="../core/training.py" line="148"/>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../core/training.py" line="151"/>
        <source>Words on each side that count as context</source>
        <translation>每一侧算作上下文的词数</translation>
    </message>
    <message>
        <location filename="../core/training.py" line="156"/>
        <source>Negative samples</source>
        <translation>负样本数</translation>
    </message>
    <message>
        <location filename="../core/training.py" line="159"/>
        <source>Negative samples per positive pair</source>
        <translation>每个正样本对配的负样本数</translation>
    </message>
    <message>
        <location filename="../core/training.py" line="164"/>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <location filename="../core/training.py" line="167"/>
        <source>Passes over the corpus</source>
        <translation>遍历语料的次数</translation>
    </message>
    <message>
        <location filename="../core/training.py" line="172"/>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../core/training.py" line="174"/>
        <source>Initial learning rate; it falls linearly to 0.0001</source>
        <translation>初始学习率；线性下降到 0.0001</translation>
    </message>
    <message>
        <location filename="../core/training.py" line="182"/>
        <source>Min count</source>
        <translation>最低词频</translation>
    </message>
    <message>
        <location filename="../core/training.py" line="185"/>
        <source>Ignore words rarer than this</source>
        <translation>忽略出现次数低于此值的词</translation>
    </message>
    <message>
        <location filename="../core/training.py" line="192"/>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <location filename="../core/training.py" line="195"/>
        <source>Random seed (runs repeat exactly with 1 worker)</source>
        <translation>随机种子（使用 1 个线程时可以完全重现）</translation>
    </message>
    <message>
        <location filename="../core/training.py" line="201"/>
        <source>Workers</source>
        <translation>线程数</translation>
    </message>
    <message>
        <location filename="../core/training.py" line="204"/>
        <source>Training threads. 1 gives the exact loss and reproducible runs; with more, gensim&apos;s loss counter undercounts (its workers overwrite each other&apos;s sums)</source>
        <translation>训练线程数。1 个线程时损失准确、结果可重现；线程更多时 gensim 的损失计数会偏低（各线程会互相覆盖累加值）</translation>
    </message>
    <message>
        <location filename="../core/training.py" line="218"/>
        <source>What the embedding matrix holds before the first update</source>
        <translation>第一次更新之前嵌入矩阵里的值</translation>
    </message>
    <message>
        <location filename="../core/training.py" line="222"/>
        <source>gensim default: uniform in ±1/dim</source>
        <translation>gensim 默认（±1/维数 均匀）</translation>
    </message>
    <message>
        <location filename="../core/training.py" line="223"/>
        <source>normal, σ =</source>
        <translation>正态分布，σ =</translation>
    </message>
    <message>
        <location filename="../core/training.py" line="224"/>
        <source>uniform in ±a, a =</source>
        <translation>±a 内均匀分布，a =</translation>
    </message>
    <message>
        <location filename="../core/training.py" line="225"/>
        <source>pretrained file (covered words)</source>
        <translation>预训练文件（覆盖到的词）</translation>
    </message>
    <message>
        <location filename="../core/training.py" line="230"/>
        <source>σ or a</source>
        <translation>σ 或 a</translation>
    </message>
    <message>
        <location filename="../core/training.py" line="233"/>
        <source>σ of the normal or a of the uniform initialisation</source>
        <translation>正态初始化的 σ，或均匀初始化的 a</translation>
    </message>
    <message>
        <location filename="../core/training.py" line="240"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../core/training.py" line="243"/>
        <source>Pretrained vectors: the words they cover start from them</source>
        <translation>预训练词向量：它们覆盖到的词从这些向量开始训练</translation>
    </message>
    <message>
        <location filename="../core/training.py" line="249"/>
        <source>Snapshots / epoch</source>
        <translation>每轮快照数</translation>
    </message>
    <message>
        <location filename="../core/training.py" line="252"/>
        <source>Snapshots taken within each epoch</source>
        <translation>每轮训练中拍下的快照数</translation>
    </message>
</context>
<context>
    <name>Training</name>
    <message>
        <location filename="../core/training.py" line="644"/>
        <source> · loss of epoch {epoch}: {loss}</source>
        <translation> · 第 {epoch} 轮损失：{loss}</translation>
    </message>
    <message>
        <location filename="../core/training.py" line="650"/>
        <source>epoch {epoch} / {total} · snapshot {i} of {last}{loss}</source>
        <translation>第 {epoch} / {total} 轮 · 快照 {i}/{last}{loss}</translation>
    </message>
    <message>
        <location filename="../core/training_session.py" line="260"/>
        <source>{pair} (not watched)</source>
        <translation>{pair}（未观察）</translation>
    </message>
    <message>
        <location filename="../core/training_session.py" line="263"/>
        <source>cosine: {values}</source>
        <translation>余弦相似度：{values}</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <location filename="../core/workspace.py" line="224"/>
        <source>This file has none of the teaching words (king, queen, paris…): showing its {n} most frequent words instead.</source>
        <translation>这个文件里没有任何教学用词（king、queen、paris…）：改为显示它最常见的 {n} 个词。</translation>
    </message>
    <message>
        <location filename="../core/workspace.py" line="230"/>
        <source>This file has only {teaching} of the teaching words (king, queen, paris…): showing its {n} most frequent words instead.</source>
        <translation>这个文件里只有 {teaching} 个教学用词（king、queen、paris…）：改为显示它最常见的 {n} 个词。</translation>
    </message>
</context>
</TS>
