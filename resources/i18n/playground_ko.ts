<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko" sourcelanguage="en">
<context>
    <name>ActivationsPanel</name>
    <message>
        <source>Could not compute activations: {reason}</source>
        <translation>활성화를 계산할 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>Train or load an image model, then draw a digit on the canvas: every layer&apos;s response to it appears here.</source>
        <translation>이미지 모델을 학습하거나 불러온 다음 캔버스에 숫자를 그려 보세요. 각 층이 그 숫자에 어떻게 반응하는지 여기에 나타납니다.</translation>
    </message>
    <message>
        <source>Activations are drawn for image models; this model reads {count} numbers per example.</source>
        <translation>활성화는 이미지 모델에서만 그립니다. 이 모델은 샘플마다 숫자 {count}개를 읽습니다.</translation>
    </message>
    <message>
        <source>Draw a digit on the canvas to see every layer&apos;s response to it.</source>
        <translation>캔버스에 숫자를 그리면 각 층의 반응을 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>입력</translation>
    </message>
    <message>
        <source>(first {shown} of {count})</source>
        <translation>({count}개 중 처음 {shown}개)</translation>
    </message>
    <message>
        <source>answer: {name}</source>
        <translation>답: {name}</translation>
    </message>
</context>
<context>
    <name>AugmentGroup</name>
    <message>
        <source>Augmentation</source>
        <translation>데이터 증강</translation>
    </message>
    <message>
        <source>Distort the training images</source>
        <translation>학습 이미지 변형</translation>
    </message>
    <message>
        <source>Mirror left-right</source>
        <translation>좌우 반전</translation>
    </message>
    <message>
        <source>Every training image is distorted a little, differently each time it is used, so the network learns what stays the same when a digit or a garment is drawn differently. Validation and test images are never distorted.</source>
        <translation>학습 이미지는 쓰일 때마다 매번 다르게 조금씩 변형됩니다. 그래서 신경망은 숫자나 옷이 다르게 그려져도 변하지 않는 것을 배웁니다. 검증·테스트 이미지는 변형하지 않습니다.</translation>
    </message>
    <message>
        <source>Turn each image by a random angle up to this many degrees either way</source>
        <translation>각 이미지를 양쪽으로 최대 이 각도까지 무작위로 회전</translation>
    </message>
    <message>
        <source>Move each image by up to this fraction of its size, in both directions</source>
        <translation>각 이미지를 크기의 이 비율까지 가로·세로로 이동</translation>
    </message>
    <message>
        <source>Zoom each image in or out by up to this fraction</source>
        <translation>각 이미지를 이 비율까지 확대 또는 축소</translation>
    </message>
    <message>
        <source>Chance that an image&apos;s strokes are made thicker or thinner</source>
        <translation>이미지의 획을 굵게 또는 가늘게 만들 확률</translation>
    </message>
    <message>
        <source>Chance that an image is blurred a little</source>
        <translation>이미지를 살짝 흐리게 할 확률</translation>
    </message>
    <message>
        <source>Rotation ±</source>
        <translation>회전 ±</translation>
    </message>
    <message>
        <source>Shift ±</source>
        <translation>이동 ±</translation>
    </message>
    <message>
        <source>Scale ±</source>
        <translation>크기 ±</translation>
    </message>
    <message>
        <source>Stroke width (chance)</source>
        <translation>획 굵기 (확률)</translation>
    </message>
    <message>
        <source>Blur (chance)</source>
        <translation>흐림 (확률)</translation>
    </message>
    <message>
        <source>Toggle augmentation</source>
        <translation>데이터 증강 켜기/끄기</translation>
    </message>
    <message>
        <source>Change augmentation rotation</source>
        <translation>증강 회전 변경</translation>
    </message>
    <message>
        <source>Change augmentation shift</source>
        <translation>증강 이동 변경</translation>
    </message>
    <message>
        <source>Change augmentation scale</source>
        <translation>증강 크기 변경</translation>
    </message>
    <message>
        <source>Change augmentation stroke</source>
        <translation>증강 획 굵기 변경</translation>
    </message>
    <message>
        <source>Change augmentation blur</source>
        <translation>증강 흐림 변경</translation>
    </message>
    <message>
        <source>Toggle mirroring</source>
        <translation>좌우 반전 켜기/끄기</translation>
    </message>
    <message>
        <source>Augmentation distorts images; {dataset} is not an image dataset (2-D points, sequences or a CSV table), so there is nothing to rotate or blur. Choose MNIST or Fashion-MNIST to use it.</source>
        <translation>데이터 증강은 이미지를 변형합니다. {dataset}은(는) 이미지 데이터셋이 아니므로(2차원 점, 시퀀스 또는 CSV 표) 회전하거나 흐리게 할 것이 없습니다. 사용하려면 MNIST나 Fashion-MNIST를 고르세요.</translation>
    </message>
    <message>
        <source>Mirror about half the images left-right: a mirrored shirt is still a shirt</source>
        <translation>이미지의 약 절반을 좌우로 뒤집습니다. 뒤집은 셔츠도 여전히 셔츠입니다</translation>
    </message>
    <message>
        <source>Not for digits: a mirrored 2, 3, 4, 5, 7 or 9 is not a digit at all, so mirroring would teach the network wrong shapes. Available for Fashion-MNIST.</source>
        <translation>숫자에는 쓰지 않습니다. 좌우로 뒤집은 2, 3, 4, 5, 7, 9는 숫자가 아니므로 신경망에 잘못된 모양을 가르치게 됩니다. Fashion-MNIST에서 쓸 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>AugmentPreview</name>
    <message>
        <source>New sample</source>
        <translation>새 샘플</translation>
    </message>
    <message>
        <source>Other images and other random distortions</source>
        <translation>다른 이미지와 다른 무작위 변형</translation>
    </message>
    <message>
        <source>The preview shows image datasets only.</source>
        <translation>미리보기는 이미지 데이터셋에서만 보입니다.</translation>
    </message>
    <message>
        <source>The preview appears once PyTorch has loaded.</source>
        <translation>PyTorch를 불러오면 미리 보기가 나타납니다.</translation>
    </message>
    <message>
        <source>Making the preview…</source>
        <translation>미리보기를 만드는 중…</translation>
    </message>
    <message>
        <source>The first 16 images of a training batch, exactly as the network receives them (sample {sample}).</source>
        <translation>학습 배치의 처음 16개 이미지, 신경망이 받는 그대로입니다 (샘플 {sample}).</translation>
    </message>
    <message>
        <source>Augmentation is off: the network receives the images as stored (sample {sample}).</source>
        <translation>데이터 증강이 꺼져 있습니다. 신경망은 저장된 이미지를 그대로 받습니다 (샘플 {sample}).</translation>
    </message>
    <message>
        <source>No preview: {reason}</source>
        <translation>미리보기 없음: {reason}</translation>
    </message>
</context>
<context>
    <name>Autosave</name>
    <message>
        <source>Autosave failed: {reason}</source>
        <translation>자동 저장에 실패했습니다: {reason}</translation>
    </message>
    <message>
        <source>NN Playground did not close properly last time. Your unsaved changes to “{name}” were saved automatically at {time}.

Restore them?</source>
        <translation>지난번에 NN Playground가 제대로 종료되지 않았습니다. “{name}”의 저장하지 않은 변경 사항이 {time}에 자동으로 저장되어 있습니다.

복원할까요?</translation>
    </message>
    <message>
        <source>Restore unsaved changes?</source>
        <translation>저장하지 않은 변경 사항을 복원할까요?</translation>
    </message>
</context>
<context>
    <name>Catalog</name>
    <message>
        <source>Units</source>
        <translation>유닛 수</translation>
    </message>
    <message>
        <source>Number of output neurons</source>
        <translation>출력 뉴런의 수</translation>
    </message>
    <message>
        <source>Bias</source>
        <translation>편향</translation>
    </message>
    <message>
        <source>Add a learned bias b to each output</source>
        <translation>각 출력에 학습되는 편향 b를 더합니다</translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation>커널</translation>
    </message>
    <message>
        <source>Size of the square filter window</source>
        <translation>정사각형 필터 창의 크기</translation>
    </message>
    <message>
        <source>Size of the square pooling window</source>
        <translation>정사각형 풀링 창의 크기</translation>
    </message>
    <message>
        <source>Stride</source>
        <translation>스트라이드</translation>
    </message>
    <message>
        <source>Step between windows (0 = same as the kernel)</source>
        <translation>창 사이의 간격 (0 = 커널 크기와 같음)</translation>
    </message>
    <message>
        <source>Hidden size</source>
        <translation>은닉 상태 크기</translation>
    </message>
    <message>
        <source>Size of the hidden state h</source>
        <translation>은닉 상태 h의 크기</translation>
    </message>
    <message>
        <source>Stacked layers</source>
        <translation>쌓은 층 수</translation>
    </message>
    <message>
        <source>Recurrent layers stacked on top of each other</source>
        <translation>차례로 쌓은 순환층의 수</translation>
    </message>
    <message>
        <source>Forget-gate bias</source>
        <translation>망각 게이트 편향</translation>
    </message>
    <message>
        <source>Starting bias of the forget gate f: 0 is PyTorch&apos;s start (f ≈ 0.5, the memory halves at every step); 3 starts it almost fully open (f ≈ 0.95), so long sequences are learned much sooner</source>
        <translation>망각 게이트 f의 처음 편향입니다. 0은 PyTorch의 기본 시작값으로(f ≈ 0.5) 기억이 단계마다 절반으로 줄어듭니다. 3이면 게이트가 거의 다 열린 채로 시작해(f ≈ 0.95) 긴 시퀀스를 훨씬 빨리 학습합니다</translation>
    </message>
    <message>
        <source>Update-gate bias</source>
        <translation>업데이트 게이트 편향</translation>
    </message>
    <message>
        <source>Starting bias of the update gate z: 0 is PyTorch&apos;s start (z ≈ 0.5, half of the state is replaced at every step); 3 starts by keeping almost all of it (z ≈ 0.95), so long sequences are learned much sooner</source>
        <translation>업데이트 게이트 z의 처음 편향입니다. 0은 PyTorch의 기본 시작값으로(z ≈ 0.5) 단계마다 상태의 절반이 새것으로 바뀝니다. 3이면 상태를 거의 그대로 간직한 채 시작해(z ≈ 0.95) 긴 시퀀스를 훨씬 빨리 학습합니다</translation>
    </message>
    <message>
        <source>Fully connected layer: every input feeds every output.</source>
        <translation>완전 연결층: 모든 입력이 모든 출력에 연결됩니다.</translation>
    </message>
    <message>
        <source>2-D convolution: slides learned filters over the image.</source>
        <translation>2차원 합성곱: 학습된 필터를 이미지 위로 밀며 계산합니다.</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>필터 수</translation>
    </message>
    <message>
        <source>Number of filters (output channels)</source>
        <translation>필터(출력 채널)의 수</translation>
    </message>
    <message>
        <source>Step of the filter in pixels</source>
        <translation>필터가 한 번에 움직이는 픽셀 수</translation>
    </message>
    <message>
        <source>Padding</source>
        <translation>패딩</translation>
    </message>
    <message>
        <source>Zero pixels added around the input</source>
        <translation>입력 둘레에 덧붙이는 0 픽셀</translation>
    </message>
    <message>
        <source>Max pooling: keeps the largest value of each window.</source>
        <translation>최대 풀링: 각 창에서 가장 큰 값만 남깁니다.</translation>
    </message>
    <message>
        <source>y = max over k×k window</source>
        <translation>y = k×k 창 안의 최댓값</translation>
    </message>
    <message>
        <source>Average pooling: the mean of each window.</source>
        <translation>평균 풀링: 각 창의 평균을 구합니다.</translation>
    </message>
    <message>
        <source>y = mean over k×k window</source>
        <translation>y = k×k 창 안의 평균</translation>
    </message>
    <message>
        <source>Flattens an image into one vector (needed before Linear).</source>
        <translation>이미지를 하나의 벡터로 펼칩니다 (Linear 앞에 필요).</translation>
    </message>
    <message>
        <source>Rectified linear unit: passes positives, zeroes negatives.</source>
        <translation>정류 선형 유닛: 양수는 그대로 통과시키고 음수는 0으로 만듭니다.</translation>
    </message>
    <message>
        <source>ReLU with a small slope for negative inputs.</source>
        <translation>음수 입력에 작은 경사를 남긴 ReLU입니다.</translation>
    </message>
    <message>
        <source>max(0, x) + slope·min(0, x)</source>
        <translation>max(0, x) + 경사·min(0, x)</translation>
    </message>
    <message>
        <source>Slope</source>
        <translation>음수 경사</translation>
    </message>
    <message>
        <source>Slope for x &lt; 0</source>
        <translation>x &lt; 0 구간의 경사</translation>
    </message>
    <message>
        <source>Exponential linear unit: smooth for negative inputs.</source>
        <translation>지수 선형 유닛: 음수 입력에서 부드럽게 변합니다.</translation>
    </message>
    <message>
        <source>x if x &gt; 0, else α·(eˣ − 1)</source>
        <translation>x &gt; 0이면 x, 아니면 α·(eˣ − 1)</translation>
    </message>
    <message>
        <source>Value approached for very negative x</source>
        <translation>x가 아주 작을 때 다가가는 값</translation>
    </message>
    <message>
        <source>Gaussian error linear unit, used in transformers.</source>
        <translation>가우스 오차 선형 유닛으로, 트랜스포머에서 쓰입니다.</translation>
    </message>
    <message>
        <source>Sigmoid linear unit (Swish).</source>
        <translation>시그모이드 선형 유닛 (스위시).</translation>
    </message>
    <message>
        <source>Squashes any value into (0, 1).</source>
        <translation>어떤 값이든 (0, 1) 사이로 눌러 담습니다.</translation>
    </message>
    <message>
        <source>Squashes any value into (−1, 1), centred at 0.</source>
        <translation>어떤 값이든 0을 중심으로 (−1, 1) 사이로 눌러 담습니다.</translation>
    </message>
    <message>
        <source>Turns scores into probabilities that sum to 1.</source>
        <translation>점수를 합이 1인 확률로 바꿉니다.</translation>
    </message>
    <message>
        <source>Logarithm of softmax; pair it with NLL loss.</source>
        <translation>소프트맥스의 로그입니다. NLL 손실과 함께 씁니다.</translation>
    </message>
    <message>
        <source>Passes its input through unchanged (a linear activation).</source>
        <translation>입력을 그대로 통과시킵니다 (선형 활성화).</translation>
    </message>
    <message>
        <source>Randomly zeroes inputs while training, to prevent overfitting.</source>
        <translation>학습하는 동안 입력을 무작위로 0으로 만들어 과적합을 막습니다.</translation>
    </message>
    <message>
        <source>Drop probability</source>
        <translation>드롭 확률</translation>
    </message>
    <message>
        <source>Fraction of inputs set to zero</source>
        <translation>0으로 바꾸는 입력의 비율</translation>
    </message>
    <message>
        <source>Batch normalization: normalizes each feature over the batch (1d or 2d chosen from the input).</source>
        <translation>배치 정규화: 각 특성을 배치 전체에 걸쳐 정규화합니다 (입력에 따라 1d 또는 2d).</translation>
    </message>
    <message>
        <source>Layer normalization: normalizes each sample over its features.</source>
        <translation>층 정규화: 각 샘플을 자신의 특성들에 걸쳐 정규화합니다.</translation>
    </message>
    <message>
        <source>Simple recurrent layer over a sequence&apos;s steps (an image&apos;s rows); outputs the last step.</source>
        <translation>시퀀스의 단계(이미지라면 행)를 차례로 읽는 단순 순환층으로, 마지막 단계를 출력합니다.</translation>
    </message>
    <message>
        <source>Long short-term memory: gated recurrence that remembers longer.</source>
        <translation>장단기 메모리: 게이트로 더 오래 기억하는 순환층입니다.</translation>
    </message>
    <message>
        <source>Gated recurrent unit: a lighter gated recurrence.</source>
        <translation>게이트 순환 유닛: 더 가벼운 게이트 순환층입니다.</translation>
    </message>
    <message>
        <source>Adds its inputs number by number (a skip connection: body + shortcut); their shapes must be equal.</source>
        <translation>입력들을 숫자 하나하나끼리 더합니다 (스킵 연결: 본체 + 지름길). 입력의 모양이 같아야 합니다.</translation>
    </message>
    <message>
        <source>Joins its inputs side by side: along the channels of images, the features of vectors.</source>
        <translation>입력들을 나란히 이어 붙입니다: 이미지는 채널 방향으로, 벡터는 특성 방향으로.</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>층</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>활성화 함수</translation>
    </message>
    <message>
        <source>Regularization</source>
        <translation>규제</translation>
    </message>
    <message>
        <source>Recurrent</source>
        <translation>순환층</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>합치기</translation>
    </message>
    <message>
        <source>Cross-entropy</source>
        <translation>교차 엔트로피</translation>
    </message>
    <message>
        <source>For classification: softmax of the scores, then −log of the true class&apos;s probability. Give it raw scores (no Softmax layer).</source>
        <translation>분류용: 점수에 소프트맥스를 적용한 뒤 정답 클래스 확률의 −log를 구합니다. 날것의 점수를 넣으세요 (Softmax 층 없이).</translation>
    </message>
    <message>
        <source>Negative log-likelihood</source>
        <translation>음의 로그 가능도</translation>
    </message>
    <message>
        <source>For classification when the network ends with LogSoftmax.</source>
        <translation>네트워크가 LogSoftmax로 끝날 때 쓰는 분류용 손실입니다.</translation>
    </message>
    <message>
        <source>Mean squared error</source>
        <translation>평균 제곱 오차</translation>
    </message>
    <message>
        <source>For regression: average squared difference.</source>
        <translation>회귀용: 차이의 제곱의 평균입니다.</translation>
    </message>
    <message>
        <source>Sum of squared errors</source>
        <translation>오차 제곱합</translation>
    </message>
    <message>
        <source>For regression: the squared differences added up, as lesson 003 writes it; N times the mean squared error.</source>
        <translation>회귀용: 차이의 제곱을 모두 더한 값으로, 003 강의가 쓰는 손실입니다. 평균 제곱 오차의 N배입니다.</translation>
    </message>
    <message>
        <source>Mean absolute error (L1)</source>
        <translation>평균 절대 오차 (L1)</translation>
    </message>
    <message>
        <source>For regression: average absolute difference, robust to outliers.</source>
        <translation>회귀용: 차이의 절댓값의 평균으로, 이상치에 강합니다.</translation>
    </message>
    <message>
        <source>Smooth L1 / Huber</source>
        <translation>스무스 L1 / Huber</translation>
    </message>
    <message>
        <source>Squared for small errors, absolute for large ones.</source>
        <translation>작은 오차는 제곱으로, 큰 오차는 절댓값으로 셉니다.</translation>
    </message>
    <message>
        <source>L = ½d² if |d| &lt; 1, else |d| − ½</source>
        <translation>|d| &lt; 1이면 L = ½d², 아니면 |d| − ½</translation>
    </message>
    <message>
        <source>Binary cross-entropy (with logits)</source>
        <translation>이진 교차 엔트로피 (로짓 입력)</translation>
    </message>
    <message>
        <source>Sigmoid and binary cross-entropy in one, stable step; one output per class.</source>
        <translation>시그모이드와 이진 교차 엔트로피를 안정적인 한 단계로 계산합니다. 클래스마다 출력이 하나입니다.</translation>
    </message>
    <message>
        <source>Stochastic gradient descent, optionally with (Nesterov) momentum.</source>
        <translation>확률적 경사 하강법으로, (네스테로프) 모멘텀을 더할 수 있습니다.</translation>
    </message>
    <message>
        <source>Adaptive moments: per-weight step sizes from running averages of the gradient and its square, with bias correction.</source>
        <translation>적응적 모멘트: 기울기와 그 제곱의 이동 평균으로 가중치마다 보폭을 정하고, 편향을 보정합니다.</translation>
    </message>
    <message>
        <source>Adam with decoupled weight decay.</source>
        <translation>가중치 감쇠를 분리해 적용하는 Adam입니다.</translation>
    </message>
    <message>
        <source>Divides the step by a running average of the squared gradient.</source>
        <translation>보폭을 기울기 제곱의 이동 평균으로 나눕니다.</translation>
    </message>
    <message>
        <source>Per-weight steps that shrink with the sum of past squared gradients.</source>
        <translation>지난 기울기 제곱의 합이 커질수록 가중치마다 보폭이 줄어듭니다.</translation>
    </message>
    <message>
        <source>Constant</source>
        <translation>일정</translation>
    </message>
    <message>
        <source>The learning rate stays the same.</source>
        <translation>학습률이 바뀌지 않습니다.</translation>
    </message>
    <message>
        <source>Multiplies the learning rate by γ every few epochs.</source>
        <translation>몇 에폭마다 학습률에 γ를 곱합니다.</translation>
    </message>
    <message>
        <source>Multiplies the learning rate by γ every epoch.</source>
        <translation>에폭마다 학습률에 γ를 곱합니다.</translation>
    </message>
    <message>
        <source>Lowers the learning rate along a cosine to 0 at the last epoch.</source>
        <translation>학습률을 코사인 곡선을 따라 낮춰 마지막 에폭에 0이 되게 합니다.</translation>
    </message>
    <message>
        <source>Warms the learning rate up to a peak, then anneals it (per batch).</source>
        <translation>학습률을 최고점까지 올렸다가 천천히 낮춥니다 (배치마다).</translation>
    </message>
    <message>
        <source>η rises to η_max over the first 30% of the steps, then falls along a cosine to almost 0</source>
        <translation>η는 처음 30%의 스텝 동안 η_max까지 오른 뒤, 코사인을 따라 거의 0까지 내려갑니다</translation>
    </message>
</context>
<context>
    <name>ClassAccuracyPlot</name>
    <message>
        <source>Accuracy per class</source>
        <translation>클래스별 정확도</translation>
    </message>
    <message>
        <source>correct</source>
        <translation>정답</translation>
    </message>
</context>
<context>
    <name>ClipGroup</name>
    <message>
        <source>Gradient clipping</source>
        <translation>그래디언트 클리핑</translation>
    </message>
    <message>
        <source>Clip the gradient norm</source>
        <translation>그래디언트 노름 자르기</translation>
    </message>
    <message>
        <source>Before each step, if the gradients&apos; total length ‖g‖ is above this norm, all of them are scaled down by the same factor so it equals the norm: g ← g · max_norm / ‖g‖. It keeps one bad batch from throwing the weights far away.</source>
        <translation>매 스텝 전에 그래디언트 전체 길이 ‖g‖가 이 노름보다 크면 모든 그래디언트를 같은 비율로 줄여 노름과 같게 만듭니다: g ← g · max_norm / ‖g‖. 나쁜 배치 하나가 가중치를 멀리 날려 보내는 것을 막습니다.</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>꺼짐</translation>
    </message>
    <message>
        <source>Max norm</source>
        <translation>최대 노름</translation>
    </message>
    <message>
        <source>Toggle gradient clipping</source>
        <translation>그래디언트 클리핑 켜기/끄기</translation>
    </message>
    <message>
        <source>Change clipping norm</source>
        <translation>클리핑 노름 변경</translation>
    </message>
    <message>
        <source>Not trained yet: after each epoch this says how often it clipped.</source>
        <translation>아직 학습하지 않았습니다. 에포크마다 얼마나 자주 잘랐는지 여기에 나옵니다.</translation>
    </message>
    <message>
        <source>Epoch {epoch}: clipped in {percent} % of batches</source>
        <translation>에포크 {epoch}: 배치의 {percent}%에서 잘림</translation>
    </message>
</context>
<context>
    <name>CodeDialog</name>
    <message>
        <source>Python scripts (*.py);;All files (*)</source>
        <translation>파이썬 스크립트 (*.py);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>PyTorch code — {name}</source>
        <translation>PyTorch 코드 — {name}</translation>
    </message>
    <message>
        <source>A standalone script that trains this network with plain PyTorch — the same layers, data split, loss and optimizer. Save it and run &lt;code&gt;python {file}&lt;/code&gt;; &lt;code&gt;--help&lt;/code&gt; lists its options.</source>
        <translation>이 네트워크를 순수 PyTorch로 학습하는 독립 실행 스크립트입니다. 층, 데이터 분할, 손실 함수, 옵티마이저가 모두 같습니다. 저장한 뒤 &lt;code&gt;python {file}&lt;/code&gt;로 실행하세요. &lt;code&gt;--help&lt;/code&gt;를 붙이면 옵션이 나옵니다.</translation>
    </message>
    <message>
        <source>The network cannot be exported yet:</source>
        <translation>아직 이 네트워크를 내보낼 수 없습니다:</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <source>Also runs on several processes, machines or GPUs (torchrun)</source>
        <translation>여러 프로세스·컴퓨터·GPU에서도 실행 (torchrun)</translation>
    </message>
    <message>
        <source>The same script with PyTorch&apos;s DistributedDataParallel: run it with torchrun on the cores of one machine, on a GPU node or on several machines; as a plain script it trains as before. Its first lines say how to start it.</source>
        <translation>PyTorch의 DistributedDataParallel을 쓰는 같은 스크립트입니다. torchrun으로 한 컴퓨터의 여러 코어, GPU 노드, 여러 컴퓨터에서 실행할 수 있고, 일반 스크립트로 실행하면 전과 똑같이 학습합니다. 실행 방법은 스크립트 첫 부분에 있습니다.</translation>
    </message>
    <message>
        <source>Copy the whole script to the clipboard</source>
        <translation>스크립트 전체를 클립보드에 복사합니다</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>저장…</translation>
    </message>
    <message>
        <source>Save the script as a .py file</source>
        <translation>스크립트를 .py 파일로 저장합니다</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>A standalone script that trains this network with plain PyTorch, on one process or many. Save it and run &lt;code&gt;python {file}&lt;/code&gt;, or &lt;code&gt;torchrun --standalone --nproc_per_node=2 {file}&lt;/code&gt; for two processes; its first lines show how to start it on a GPU node or several machines.</source>
        <translation>이 네트워크를 순수 PyTorch로 학습하는 독립 실행 스크립트로, 프로세스 하나에서도 여러 개에서도 돌아갑니다. 저장한 뒤 &lt;code&gt;python {file}&lt;/code&gt;로 실행하거나, 프로세스 두 개로는 &lt;code&gt;torchrun --standalone --nproc_per_node=2 {file}&lt;/code&gt;로 실행하세요. GPU 노드나 여러 컴퓨터에서 시작하는 방법은 스크립트 첫 부분에 있습니다.</translation>
    </message>
    <message>
        <source>Fix the network first: {problem}</source>
        <translation>먼저 네트워크를 고치세요: {problem}</translation>
    </message>
    <message>
        <source>Copied {count} lines to the clipboard.</source>
        <translation>{count}줄을 클립보드에 복사했습니다.</translation>
    </message>
    <message>
        <source>Could not save {path}: {reason}</source>
        <translation>{path}을(를) 저장할 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>{path}에 저장했습니다</translation>
    </message>
    <message>
        <source>Save PyTorch script</source>
        <translation>PyTorch 스크립트 저장</translation>
    </message>
</context>
<context>
    <name>Concepts</name>
    <message>
        <source>Basics</source>
        <translation>기초</translation>
    </message>
    <message>
        <source>Blocks</source>
        <translation>블록</translation>
    </message>
    <message>
        <source>Losses</source>
        <translation>손실 함수</translation>
    </message>
    <message>
        <source>Optimizers</source>
        <translation>옵티마이저</translation>
    </message>
    <message>
        <source>Learning-rate schedules</source>
        <translation>학습률 스케줄</translation>
    </message>
    <message>
        <source>Weights and bias</source>
        <translation>가중치와 편향</translation>
    </message>
    <message>
        <source>The numbers a network learns.</source>
        <translation>네트워크가 학습하는 숫자들입니다.</translation>
    </message>
    <message>
        <source>A neuron multiplies each input by a weight, adds the products and a bias b, and passes the sum through an activation function f. The weights and biases are the parameters: training adjusts them, and the network view counts them for every layer.</source>
        <translation>뉴런은 각 입력에 가중치를 곱해 더하고 편향 b를 더한 뒤, 그 합을 활성화 함수 f에 통과시킵니다. 가중치와 편향이 바로 파라미터입니다. 학습은 이 값들을 조정하며, 네트워크 보기는 층마다 그 개수를 보여 줍니다.</translation>
    </message>
    <message>
        <source>Input, hidden and output layers</source>
        <translation>입력층, 은닉층, 출력층</translation>
    </message>
    <message>
        <source>How a network is stacked.</source>
        <translation>네트워크를 쌓는 방식입니다.</translation>
    </message>
    <message>
        <source>The input layer is the data itself: an MNIST image is 1×28×28 = 784 pixel values. The hidden layers are everything in between; they learn intermediate features such as strokes and curves. The output layer has one neuron per class (10 digits) or per value to predict. The seed MLP has two hidden layers, of 128 and 64 neurons.</source>
        <translation>입력층은 데이터 그 자체입니다. MNIST 이미지 한 장은 1×28×28 = 784개의 픽셀 값입니다. 은닉층은 그 사이의 모든 층으로, 획이나 곡선 같은 중간 특성을 학습합니다. 출력층에는 클래스마다(숫자 10개) 또는 예측할 값마다 뉴런이 하나씩 있습니다. 기본 MLP에는 뉴런 128개와 64개짜리 은닉층이 둘 있습니다.</translation>
    </message>
    <message>
        <source>Activation function</source>
        <translation>활성화 함수</translation>
    </message>
    <message>
        <source>The nonlinearity after a layer.</source>
        <translation>층 뒤에 오는 비선형 함수입니다.</translation>
    </message>
    <message>
        <source>A nonlinear function applied to a layer&apos;s outputs. Without one, a stack of Linear layers collapses into a single linear function and can only draw straight decision boundaries. ReLU is the usual choice for hidden layers; Sigmoid and Softmax turn outputs into probabilities.</source>
        <translation>층의 출력에 적용하는 비선형 함수입니다. 활성화 함수가 없으면 Linear 층을 아무리 쌓아도 하나의 선형 함수가 되어 곧은 결정 경계밖에 그릴 수 없습니다. 은닉층에는 보통 ReLU를 쓰고, Sigmoid와 Softmax는 출력을 확률로 바꿉니다.</translation>
    </message>
    <message>
        <source>Loss function</source>
        <translation>손실 함수</translation>
    </message>
    <message>
        <source>One number that says how wrong the network is.</source>
        <translation>네트워크가 얼마나 틀렸는지 알려 주는 숫자 하나입니다.</translation>
    </message>
    <message>
        <source>Compares the network&apos;s predictions ŷ with the targets y and returns one number: small when they agree. Training searches for the weights that make it small, and the loss plot shows it falling. Classification uses cross-entropy; regression uses mean squared error.</source>
        <translation>네트워크의 예측 ŷ를 정답 y와 비교해 숫자 하나를 돌려줍니다. 둘이 맞을수록 작아집니다. 학습은 이 값을 작게 만드는 가중치를 찾는 과정이고, 손실 그래프에서 그 값이 줄어드는 것을 볼 수 있습니다. 분류에는 교차 엔트로피를, 회귀에는 평균 제곱 오차를 씁니다.</translation>
    </message>
    <message>
        <source>Forward pass</source>
        <translation>순전파</translation>
    </message>
    <message>
        <source>From the input to the prediction.</source>
        <translation>입력에서 예측까지.</translation>
    </message>
    <message>
        <source>The input goes through the layers in order, each computing its output from the one before, up to the prediction ŷ and the loss. In PyTorch: output = model(x), loss = loss_fn(output, y).</source>
        <translation>입력이 층을 차례로 지나며, 각 층은 앞 층의 출력으로 자신의 출력을 계산합니다. 이렇게 예측 ŷ와 손실까지 계산합니다. PyTorch에서는 output = model(x), loss = loss_fn(output, y) 입니다.</translation>
    </message>
    <message>
        <source>Backpropagation</source>
        <translation>역전파</translation>
    </message>
    <message>
        <source>How every weight&apos;s gradient is computed.</source>
        <translation>모든 가중치의 기울기를 계산하는 방법입니다.</translation>
    </message>
    <message>
        <source>Starting from the loss, goes backwards through the layers and applies the chain rule at each one, which gives the gradient of the loss with respect to every weight in one sweep. In PyTorch: loss.backward(). The One step tab shows the gradients of a single batch.</source>
        <translation>손실에서 시작해 층을 거꾸로 지나며 층마다 연쇄 법칙을 적용합니다. 이렇게 한 번에 모든 가중치에 대한 손실의 기울기를 얻습니다. PyTorch에서는 loss.backward() 입니다. ‘한 스텝’ 탭에서 배치 하나의 기울기를 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Gradient</source>
        <translation>기울기</translation>
    </message>
    <message>
        <source>Which way, and how steeply, the loss rises.</source>
        <translation>손실이 어느 쪽으로, 얼마나 가파르게 커지는지.</translation>
    </message>
    <message>
        <source>How much the loss changes when one weight changes a little. Its sign says which way is uphill, so gradient descent moves each weight the opposite way. Gradients near zero in a layer mean that layer has almost stopped learning (see the Layers tab).</source>
        <translation>가중치 하나를 조금 바꿨을 때 손실이 얼마나 변하는지입니다. 부호는 어느 쪽이 오르막인지 알려 주므로, 경사 하강법은 각 가중치를 그 반대쪽으로 움직입니다. 어떤 층의 기울기가 0에 가깝다면 그 층은 거의 학습을 멈춘 것입니다 (‘층’ 탭 참고).</translation>
    </message>
    <message>
        <source>Gradient descent</source>
        <translation>경사 하강법</translation>
    </message>
    <message>
        <source>Small steps downhill on the loss.</source>
        <translation>손실의 내리막으로 조금씩 내려가기.</translation>
    </message>
    <message>
        <source>Repeat for every batch: compute the loss (forward pass), compute the gradients (backpropagation), and move every weight a small step against its gradient. In PyTorch: optimizer.zero_grad(); loss.backward(); optimizer.step(). The optimizers (SGD, Adam, ...) differ in how they choose the step.</source>
        <translation>배치마다 되풀이합니다: 손실을 계산하고(순전파), 기울기를 계산한 뒤(역전파), 모든 가중치를 기울기 반대 방향으로 조금 움직입니다. PyTorch에서는 optimizer.zero_grad(); loss.backward(); optimizer.step() 입니다. 옵티마이저(SGD, Adam 등)는 이 한 걸음을 정하는 방법이 서로 다릅니다.</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>The size of each step.</source>
        <translation>한 걸음의 크기입니다.</translation>
    </message>
    <message>
        <source>The step size η. Too small and training crawls; too large and the loss jumps around or explodes (NaN). Try values a factor of 10 apart (0.1, 0.01, 0.001): Adam usually works with 0.001, SGD with 0.01 to 0.1. A schedule can lower it during training.</source>
        <translation>보폭 η입니다. 너무 작으면 학습이 느리게 기어가고, 너무 크면 손실이 들쭉날쭉하거나 폭발합니다(NaN). 10배씩 차이 나는 값(0.1, 0.01, 0.001)을 시도해 보세요. Adam은 보통 0.001, SGD는 0.01~0.1에서 잘 됩니다. 학습률 스케줄로 학습 중에 낮출 수도 있습니다.</translation>
    </message>
    <message>
        <source>Loss surface</source>
        <translation>손실 곡면</translation>
    </message>
    <message>
        <source>The loss over every possible setting of the weights.</source>
        <translation>가능한 모든 가중치 값에 대한 손실입니다.</translation>
    </message>
    <message>
        <source>The line y = w·x + b has only two numbers to learn, so its loss can be drawn as a map over the (w, b) plane. For a squared error the map is a bowl, a long valley, and its lowest point is the least-squares line. Gradient descent starts somewhere on the map and steps downhill against the gradient, each step η times the gradient long. The valley is steep across (large x values make w sensitive) and flat along it: a step too long for the steep side jumps over the valley and lands higher every time, and the loss blows up. The largest safe learning rate is 2 divided by the steepest curvature λ_max of the bowl. To watch it, open the Linear regression preset and the 2-D playground tab: the map with its lowest point (★), the path drawn as the line learns, and after Step the last update as an arrow.</source>
        <translation>직선 y = w·x + b는 배울 숫자가 둘뿐이므로, 그 손실을 (w, b) 평면 위의 지도로 그릴 수 있습니다. 제곱 오차라면 이 지도는 길쭉한 골짜기 모양의 그릇이고, 가장 낮은 점이 최소제곱 직선입니다. 경사 하강법은 지도의 어딘가에서 출발해 기울기의 반대 방향, 즉 내리막으로 한 걸음씩 가며, 한 걸음의 길이는 기울기의 η배입니다. 골짜기는 가로질러서는 가파르고(x 값이 크면 w에 민감해집니다) 길이 방향으로는 완만합니다. 가파른 쪽에 비해 너무 긴 걸음은 골짜기를 건너뛰어 매번 더 높은 곳에 떨어지고, 손실은 폭발합니다. 안전한 최대 학습률은 2를 그릇의 가장 가파른 곡률 λ_max로 나눈 값입니다. 직접 보려면 선형 회귀 프리셋을 열고 2차원 플레이그라운드 탭으로 가세요: 가장 낮은 점(★)이 표시된 지도, 직선이 배우는 동안 그려지는 경로, 그리고 한 스텝 뒤에는 마지막 갱신이 화살표로 보입니다.</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>배치</translation>
    </message>
    <message>
        <source>The examples behind one step.</source>
        <translation>한 스텝에 쓰는 샘플들입니다.</translation>
    </message>
    <message>
        <source>Training looks at a small group of B examples at a time (a mini-batch) and averages their gradients for one step. Larger batches give smoother but fewer steps per epoch; 32 to 128 are common. The faint line in the loss plot is the loss of each batch.</source>
        <translation>학습은 한 번에 B개의 샘플로 이루어진 작은 묶음(미니배치)을 보고, 그 기울기의 평균으로 한 스텝을 갑니다. 배치가 클수록 스텝은 매끄럽지만 에폭당 스텝 수는 줄어듭니다. 보통 32~128을 씁니다. 손실 그래프의 흐린 선이 배치마다의 손실입니다.</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>에폭</translation>
    </message>
    <message>
        <source>One pass over the training data.</source>
        <translation>학습 데이터를 한 번 모두 훑는 것.</translation>
    </message>
    <message>
        <source>steps per epoch = ⌈N / B⌉</source>
        <translation>에폭당 스텝 수 = ⌈N / B⌉</translation>
    </message>
    <message>
        <source>One pass over the whole training set. With N training examples and batch size B, an epoch takes ⌈N / B⌉ steps. After every epoch the network is checked on the validation data, which gives one point of the accuracy plot.</source>
        <translation>학습 데이터 전체를 한 번 훑는 것입니다. 학습 샘플이 N개이고 배치 크기가 B이면 한 에폭은 ⌈N / B⌉ 스텝입니다. 에폭이 끝날 때마다 검증 데이터로 네트워크를 확인하며, 그 결과가 정확도 그래프의 점 하나가 됩니다.</translation>
    </message>
    <message>
        <source>Validation and test data</source>
        <translation>검증 데이터와 테스트 데이터</translation>
    </message>
    <message>
        <source>Data kept aside to check the network honestly.</source>
        <translation>네트워크를 공정하게 확인하려고 따로 떼어 둔 데이터입니다.</translation>
    </message>
    <message>
        <source>data = training + validation + test</source>
        <translation>데이터 = 학습 + 검증 + 테스트</translation>
    </message>
    <message>
        <source>Part of the data is never trained on. The validation data is checked after every epoch, to see how well the network does on examples it has not seen and to choose settings; the test data is used once, at the end, for the final score.</source>
        <translation>데이터의 일부는 학습에 쓰지 않습니다. 검증 데이터는 에폭마다 확인해서, 처음 보는 샘플에서 네트워크가 얼마나 잘하는지 보고 설정을 고르는 데 씁니다. 테스트 데이터는 마지막에 한 번, 최종 점수를 매기는 데 씁니다.</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <source>The share of correct answers.</source>
        <translation>정답을 맞힌 비율입니다.</translation>
    </message>
    <message>
        <source>accuracy = correct answers / examples</source>
        <translation>정확도 = 맞힌 개수 / 전체 샘플 수</translation>
    </message>
    <message>
        <source>The fraction of examples whose highest-scoring class is the true one. The dashed line in the accuracy plot is the accuracy before training: about 10% for ten classes, which is guessing.</source>
        <translation>가장 높은 점수를 받은 클래스가 정답인 샘플의 비율입니다. 정확도 그래프의 점선은 학습 전 정확도로, 클래스가 열 개이면 약 10%, 즉 찍는 수준입니다.</translation>
    </message>
    <message>
        <source>Overfitting</source>
        <translation>과적합</translation>
    </message>
    <message>
        <source>Learning the training data by heart.</source>
        <translation>학습 데이터를 통째로 외워 버리는 것.</translation>
    </message>
    <message>
        <source>training loss ↓ while validation loss ↑</source>
        <translation>학습 손실 ↓ 인데 검증 손실 ↑</translation>
    </message>
    <message>
        <source>The network memorizes the training examples, noise included, instead of the general pattern: the training loss keeps falling while the validation loss rises. Remedies: more data, a smaller network, dropout, weight decay, or stopping earlier.</source>
        <translation>네트워크가 일반적인 패턴 대신 잡음까지 포함한 학습 샘플을 외워 버리는 현상입니다. 학습 손실은 계속 줄지만 검증 손실은 오히려 커집니다. 해결책: 더 많은 데이터, 더 작은 네트워크, 드롭아웃, 가중치 감쇠, 또는 더 일찍 멈추기.</translation>
    </message>
    <message>
        <source>Regularization (L1, L2, weight decay)</source>
        <translation>규제 (L1, L2, 가중치 감쇠)</translation>
    </message>
    <message>
        <source>A penalty for large weights.</source>
        <translation>큰 가중치에 주는 벌점입니다.</translation>
    </message>
    <message>
        <source>Adds a penalty for large weights to the loss, which keeps the network simpler and reduces overfitting. L2 (weight decay) shrinks all weights a little at every step; L1 pushes many of them to exactly 0.</source>
        <translation>큰 가중치에 대한 벌점을 손실에 더해 네트워크를 단순하게 유지하고 과적합을 줄입니다. L2(가중치 감쇠)는 매 스텝 모든 가중치를 조금씩 줄이고, L1은 많은 가중치를 정확히 0으로 만듭니다.</translation>
    </message>
    <message>
        <source>Normalization</source>
        <translation>정규화</translation>
    </message>
    <message>
        <source>Bringing values to mean 0 and spread 1.</source>
        <translation>값을 평균 0, 퍼짐 1로 맞추는 것.</translation>
    </message>
    <message>
        <source>Shifts and scales values to mean 0 and standard deviation 1, which makes training faster and steadier. MNIST pixels are normalized with the training set&apos;s mean and standard deviation before they reach the network; BatchNorm and LayerNorm do the same inside it.</source>
        <translation>값을 옮기고 늘이거나 줄여서 평균 0, 표준편차 1로 맞춥니다. 학습이 더 빠르고 안정적이 됩니다. MNIST 픽셀은 네트워크에 들어가기 전에 학습 데이터의 평균과 표준편차로 정규화되고, BatchNorm과 LayerNorm은 네트워크 안에서 같은 일을 합니다.</translation>
    </message>
    <message>
        <source>Long-range memory</source>
        <translation>장기 기억</translation>
    </message>
    <message>
        <source>Remembering an input many steps later.</source>
        <translation>여러 단계가 지난 뒤에도 입력을 기억하는 일입니다.</translation>
    </message>
    <message>
        <source>A recurrent network reads a sequence one step at a time and must carry what matters in its hidden state h until it answers. A plain RNN rewrites h at every step through tanh(W·x + U·h), so an early input fades under each new one, and the gradient that would teach it to keep that input is a product of one factor per step: mostly smaller than 1, it vanishes over a few dozen steps. The long-memory data shows it: the class is in the first 3 of T steps and the rest is noise. As T grows past about 30 the RNN stays at chance (25%), while LSTM and GRU, whose gates hold the memory, still learn.</source>
        <translation>순환 신경망은 시퀀스를 한 단계씩 읽으며, 답할 때까지 중요한 것을 은닉 상태 h에 담아 가야 합니다. 단순 RNN은 단계마다 tanh(W·x + U·h)로 h를 새로 쓰기 때문에 앞쪽 입력은 새 입력이 들어올 때마다 흐려지고, 그 입력을 간직하도록 가르칠 기울기는 단계마다 인수 하나씩을 곱한 값이 됩니다. 그 인수는 대개 1보다 작아서 수십 단계를 지나면 기울기가 사라집니다. 장기 기억 데이터가 이를 보여 줍니다. 클래스는 T 단계 중 처음 3단계에만 있고 나머지는 잡음입니다. T가 30을 넘어 커지면 RNN은 찍는 수준(25%)에 머물지만, 게이트로 기억을 붙잡는 LSTM과 GRU는 여전히 학습합니다.</translation>
    </message>
    <message>
        <source>LSTM and GRU gates</source>
        <translation>LSTM과 GRU의 게이트</translation>
    </message>
    <message>
        <source>Learned switches that decide what to keep, write and show.</source>
        <translation>무엇을 간직하고, 쓰고, 내보낼지 정하는 학습되는 스위치입니다.</translation>
    </message>
    <message>
        <source>A gate is a sigmoid between 0 and 1 that multiplies a signal: 0 blocks it, 1 lets it through, and the network learns when to open it. The LSTM keeps a memory cell c beside h: the forget gate f sets how much of the old cell survives each step, the input gate i how much new content g is written, the output gate o how much of the cell is shown as h. The cell is carried on by a multiplication with f and an addition, not squashed through tanh at every step, so with f near 1 the memory and its gradient cross many steps almost unchanged. The GRU does the same with two gates: the update gate z keeps part of the old state and fills the rest with a candidate h̃, and the reset gate r decides how much of the old state the candidate sees. PyTorch starts f and z half open (bias 0); the lstm-long and gru-long presets start them at bias 3 (σ(3) ≈ 0.95), so the memory lasts from the first step.</source>
        <translation>게이트는 신호에 곱해지는 0과 1 사이의 시그모이드 값입니다. 0이면 신호를 막고 1이면 통과시키며, 언제 열지는 네트워크가 학습합니다. LSTM은 h 옆에 기억 셀 c를 따로 둡니다. 망각 게이트 f는 이전 셀이 단계마다 얼마나 남을지, 입력 게이트 i는 새 내용 g를 얼마나 쓸지, 출력 게이트 o는 셀을 h로 얼마나 내보낼지 정합니다. 셀은 단계마다 tanh로 눌리지 않고 f와의 곱셈과 덧셈만으로 이어지므로, f가 1에 가까우면 기억과 그 기울기가 여러 단계를 거의 그대로 건너갑니다. GRU는 게이트 두 개로 같은 일을 합니다. 업데이트 게이트 z는 이전 상태의 일부를 간직하고 나머지를 후보 h̃로 채우며, 리셋 게이트 r은 후보가 이전 상태를 얼마나 볼지 정합니다. PyTorch는 f와 z를 반쯤 열린 상태(편향 0)로 시작하고, lstm-long과 gru-long 프리셋은 편향 3(σ(3) ≈ 0.95)으로 시작해 첫 단계부터 기억이 오래갑니다.</translation>
    </message>
    <message>
        <source>Residual block (skip connection)</source>
        <translation>잔차 블록 (스킵 연결)</translation>
    </message>
    <message>
        <source>A shortcut around a few layers, added back to their output.</source>
        <translation>몇 개의 층을 건너뛰어 그 출력에 다시 더하는 지름길입니다.</translation>
    </message>
    <message>
        <source>A deep stack of layers is hard to train: on the way back the gradient is multiplied by every layer&apos;s slope and can fade to almost nothing before it reaches the first layers (try deep-sigmoid). A residual block lets the input x skip past a few layers F and adds it to their output: y = F(x) + x. The addition passes the gradient back unchanged along the skip, so even the first layers learn, and F only has to learn a correction, starting from &quot;leave x as it is&quot;. This is the idea of ResNet (2015), which trained networks of 152 layers. Add a Residual block from the palette, or select some blocks and choose &quot;Wrap in a residual block&quot;; residual-mlp and mini-resnet show it on MNIST.</source>
        <translation>층을 깊이 쌓으면 학습하기 어렵습니다. 기울기가 거꾸로 전해지면서 층마다 그 층의 기울기(경사)가 곱해지므로, 첫 층들에 닿기 전에 거의 0으로 사라질 수 있습니다 (deep-sigmoid로 확인해 보세요). 잔차 블록은 입력 x가 몇 개의 층 F를 건너뛰게 해서 그 출력에 더합니다: y = F(x) + x. 덧셈은 스킵 경로를 따라 기울기를 그대로 돌려보내므로 첫 층들도 학습하고, F는 &quot;x를 그대로 둔다&quot;에서 출발해 고칠 부분만 배우면 됩니다. 152층짜리 네트워크를 학습시킨 ResNet(2015)의 아이디어입니다. 팔레트에서 잔차 블록을 추가하거나, 블록 몇 개를 선택하고 &quot;잔차 블록으로 감싸기&quot;를 고르세요. residual-mlp와 mini-resnet 프리셋이 MNIST에서 보여 줍니다.</translation>
    </message>
    <message>
        <source>Each output is a weighted sum of all the inputs plus a bias; W holds one row of weights per output neuron, so the layer has inputs × outputs + outputs parameters. Two Linear layers with no activation between them are still one linear function, which is why hidden layers are followed by an activation.</source>
        <translation>각 출력은 모든 입력의 가중합에 편향을 더한 값입니다. W에는 출력 뉴런마다 가중치 한 행이 있으므로, 이 층의 파라미터 수는 입력 수 × 출력 수 + 출력 수입니다. 활성화 함수 없이 Linear 층 두 개를 이어도 여전히 하나의 선형 함수이므로, 은닉층 뒤에는 활성화 함수를 둡니다.</translation>
    </message>
    <message>
        <source>A small filter (kernel) of learned weights slides over the image; at each position it multiplies the pixels under it and adds them up, so the same detector is used everywhere in the picture. Each filter gives one feature map (output channel). Output size per side: (n + 2·padding − kernel) / stride + 1. It needs far fewer weights than a Linear layer on the same image.</source>
        <translation>학습된 가중치로 된 작은 필터(커널)가 이미지 위를 미끄러지며, 위치마다 아래 픽셀에 가중치를 곱해 더합니다. 그래서 같은 검출기가 그림 전체에 쓰입니다. 필터 하나가 특성 맵(출력 채널) 하나를 만듭니다. 한 변의 출력 크기는 (n + 2·패딩 − 커널) / 스트라이드 + 1 입니다. 같은 이미지에 Linear 층을 쓸 때보다 가중치가 훨씬 적게 듭니다.</translation>
    </message>
    <message>
        <source>Cuts each feature map into k×k windows and keeps only the largest value of each: with k = 2 the height and width are halved. It has no weights; it makes the network cheaper and a little tolerant of small shifts of the input.</source>
        <translation>각 특성 맵을 k×k 창으로 나누고 창마다 가장 큰 값만 남깁니다. k = 2이면 높이와 너비가 절반이 됩니다. 가중치는 없습니다. 네트워크의 계산량을 줄이고, 입력이 조금 움직여도 덜 민감하게 만듭니다.</translation>
    </message>
    <message>
        <source>Like max pooling, but keeps the average of each window: a smoother summary of the region. It has no weights.</source>
        <translation>최대 풀링과 같지만 창마다 평균을 남깁니다. 영역을 더 부드럽게 요약합니다. 가중치는 없습니다.</translation>
    </message>
    <message>
        <source>Lays the channels × height × width image out as one long vector so that Linear layers can read it (1×28×28 → 784). Nothing is learned; the numbers are only rearranged.</source>
        <translation>채널 × 높이 × 너비 이미지를 긴 벡터 하나로 펼쳐서 Linear 층이 읽을 수 있게 합니다 (1×28×28 → 784). 학습하는 것은 없고, 숫자의 배치만 바뀝니다.</translation>
    </message>
    <message>
        <source>Keeps positive values and turns negative ones into 0. It is cheap, and its gradient is 1 for every positive input, so deep networks train well with it: the usual choice for hidden layers. A neuron whose input stays negative always outputs 0 and stops learning (a &quot;dead&quot; ReLU).</source>
        <translation>양수는 그대로 두고 음수는 0으로 만듭니다. 계산이 싸고 양수 입력에서는 기울기가 항상 1이라 깊은 네트워크도 잘 학습됩니다. 그래서 은닉층에 가장 흔히 씁니다. 입력이 늘 음수인 뉴런은 항상 0을 출력하고 학습을 멈춥니다 (‘죽은’ ReLU).</translation>
    </message>
    <message>
        <source>Like ReLU, but negative inputs keep a small slope (0.01 by default) instead of becoming 0, so a neuron never stops passing gradient back.</source>
        <translation>ReLU와 같지만 음수 입력을 0으로 만들지 않고 작은 경사(기본값 0.01)를 남깁니다. 그래서 뉴런이 기울기를 뒤로 전하는 일을 완전히 멈추지 않습니다.</translation>
    </message>
    <message>
        <source>The identity for positive inputs and a smooth exponential curve towards −α for negative ones. Its outputs average closer to zero than ReLU&apos;s, which can make learning a little faster.</source>
        <translation>양수 입력은 그대로, 음수 입력은 −α로 다가가는 부드러운 지수 곡선을 따릅니다. 출력의 평균이 ReLU보다 0에 가까워 학습이 조금 빨라질 수 있습니다.</translation>
    </message>
    <message>
        <source>Weighs each input by Φ(x), the probability that a standard normal value is smaller than it: a smooth version of ReLU. Transformers such as BERT and GPT use it.</source>
        <translation>각 입력에 Φ(x), 즉 표준 정규분포 값이 그보다 작을 확률을 곱합니다. ReLU의 부드러운 버전입니다. BERT나 GPT 같은 트랜스포머가 씁니다.</translation>
    </message>
    <message>
        <source>x times its own sigmoid: smooth, and slightly negative for negative inputs. Also called Swish; many modern image networks use it.</source>
        <translation>x에 자기 자신의 시그모이드를 곱합니다. 부드럽고, 음수 입력에서는 약간 음수가 됩니다. Swish라고도 하며 요즘 이미지 네트워크에서 많이 씁니다.</translation>
    </message>
    <message>
        <source>Squashes any number into (0, 1), so the output can be read as a probability of &quot;yes&quot;. In hidden layers it saturates: for large |x| its gradient is almost 0, which slows deep networks down (vanishing gradients).</source>
        <translation>어떤 수든 (0, 1) 사이로 눌러 담으므로 출력을 ‘예’일 확률로 읽을 수 있습니다. 은닉층에서는 포화됩니다. |x|가 크면 기울기가 거의 0이 되어 깊은 네트워크의 학습이 느려집니다 (기울기 소실).</translation>
    </message>
    <message>
        <source>Squashes any number into (−1, 1), centred at 0, which usually makes it a better hidden-layer activation than sigmoid; it still saturates for large |x|. tanh(x) = 2·σ(2x) − 1.</source>
        <translation>어떤 수든 0을 중심으로 (−1, 1) 사이로 눌러 담습니다. 그래서 보통 은닉층에서는 시그모이드보다 낫지만, |x|가 크면 여전히 포화됩니다. tanh(x) = 2·σ(2x) − 1.</translation>
    </message>
    <message>
        <source>Turns a vector of scores (logits) into probabilities: each is positive and together they add up to 1, the largest score getting the largest share. Do not put it before the cross-entropy loss, which applies softmax itself.</source>
        <translation>점수(로짓) 벡터를 확률로 바꿉니다. 각 값은 양수이고 모두 더하면 1이며, 가장 큰 점수가 가장 큰 몫을 받습니다. 교차 엔트로피 손실은 소프트맥스를 스스로 적용하므로 그 앞에 두지 마세요.</translation>
    </message>
    <message>
        <source>The logarithm of softmax, computed in one numerically stable step. A network ending in LogSoftmax is trained with the negative log-likelihood loss; together they equal cross-entropy.</source>
        <translation>소프트맥스의 로그를 수치적으로 안정된 한 단계로 계산합니다. LogSoftmax로 끝나는 네트워크는 음의 로그 가능도 손실로 학습하며, 둘을 합치면 교차 엔트로피와 같습니다.</translation>
    </message>
    <message>
        <source>Returns its input unchanged. As an activation it leaves a layer purely linear, for example at a regression output.</source>
        <translation>입력을 그대로 돌려줍니다. 활성화 함수로 쓰면 층이 순수하게 선형으로 남습니다. 예를 들어 회귀의 출력에서 씁니다.</translation>
    </message>
    <message>
        <source>While training, sets each input to 0 with probability p and scales the others by 1/(1 − p), so the network cannot rely on any single neuron; this reduces overfitting. When evaluating (model.eval()) it does nothing.</source>
        <translation>학습할 때 각 입력을 확률 p로 0으로 만들고 나머지는 1/(1 − p)배 합니다. 그래서 네트워크가 어느 한 뉴런에만 기댈 수 없게 되어 과적합이 줄어듭니다. 평가할 때(model.eval())는 아무 일도 하지 않습니다.</translation>
    </message>
    <message>
        <source>Normalizes every feature to mean 0 and variance 1 over the current batch, then scales and shifts it with the learned γ and β. It allows higher learning rates and deeper networks. When evaluating it uses running averages of the statistics collected while training.</source>
        <translation>현재 배치에 걸쳐 모든 특성을 평균 0, 분산 1로 정규화한 뒤, 학습되는 γ와 β로 늘이고 옮깁니다. 더 높은 학습률과 더 깊은 네트워크를 쓸 수 있게 해 줍니다. 평가할 때는 학습 중에 모은 통계의 이동 평균을 씁니다.</translation>
    </message>
    <message>
        <source>Normalizes each example over its own features (not over the batch), then applies the learned γ and β. It works the same for any batch size, which is why transformers and recurrent networks use it.</source>
        <translation>각 샘플을 (배치가 아니라) 자신의 특성들에 걸쳐 정규화한 뒤, 학습되는 γ와 β를 적용합니다. 배치 크기와 상관없이 똑같이 동작하므로 트랜스포머와 순환 신경망에서 씁니다.</translation>
    </message>
    <message>
        <source>Reads a sequence one step at a time (an image&apos;s rows from top to bottom, or the steps of a generated sequence) and carries a hidden state h from each step to the next, so it can remember what it has seen. A simple RNN forgets over long sequences: every step rewrites h, and the gradient fades through many steps.</source>
        <translation>시퀀스를 한 단계씩 읽고(이미지라면 행을 위에서 아래로, 생성된 시퀀스라면 그 단계를), 은닉 상태 h를 다음 단계로 넘겨서 본 것을 기억합니다. 단순 RNN은 긴 시퀀스에서 잊어버립니다. 단계마다 h를 새로 쓰고, 기울기가 여러 단계를 지나며 사라지기 때문입니다.</translation>
    </message>
    <message>
        <source>A recurrent layer with a memory cell c and three gates (input i, forget f, output o) that learn what to store, what to keep and what to show. The gated cell lets the gradient flow over many steps, so it remembers much longer than a simple RNN. Its forget-gate bias sets where f starts: 0 is PyTorch&apos;s start, 3 keeps the memory from the first step.</source>
        <translation>기억 셀 c와 세 개의 게이트(입력 i, 망각 f, 출력 o)를 가진 순환층으로, 무엇을 저장하고 남기고 내보낼지 학습합니다. 게이트가 있는 셀 덕분에 기울기가 여러 단계를 건너 흐를 수 있어 단순 RNN보다 훨씬 오래 기억합니다. 망각 게이트 편향은 f의 시작값을 정합니다. 0은 PyTorch의 기본 시작값이고, 3이면 첫 단계부터 기억을 간직합니다.</translation>
    </message>
    <message>
        <source>A simpler gated recurrent layer: an update gate z mixes the previous state with a new candidate h̃. It has fewer parameters than an LSTM (three sets of weights instead of four) and often learns as well. Its update-gate bias sets where z starts: 0 is PyTorch&apos;s start, 3 keeps the state from the first step.</source>
        <translation>더 단순한 게이트 순환층입니다. 업데이트 게이트 z가 이전 상태와 새 후보 h̃를 섞습니다. LSTM보다 파라미터가 적고(가중치 묶음이 넷이 아니라 셋), 대개 비슷하게 잘 학습합니다. 업데이트 게이트 편향은 z의 시작값을 정합니다. 0은 PyTorch의 기본 시작값이고, 3이면 첫 단계부터 상태를 간직합니다.</translation>
    </message>
    <message>
        <source>A merge block: it reads two or more blocks and adds their outputs number by number, so they must have exactly the same shape (128 and 128, or 16×14×14 and 16×14×14). With one input straight from further up (the skip) and the other from a few layers (the body), it makes a residual block: the body only has to learn a correction to what passes by it. It has no weights. Connect a second arrow to it from a block&apos;s output port; where the shapes differ, put a Linear or a 1×1 Conv2d on one path.</source>
        <translation>합치기 블록입니다. 두 개 이상의 블록을 읽어 그 출력들을 숫자 하나하나끼리 더하므로, 모양이 정확히 같아야 합니다 (128과 128, 또는 16×14×14와 16×14×14). 입력 하나는 위쪽에서 곧바로(스킵), 다른 하나는 몇 개의 층(본체)을 거쳐 오게 하면 잔차 블록이 됩니다. 본체는 옆으로 지나가는 값에 대한 보정만 배우면 됩니다. 가중치는 없습니다. 다른 블록의 출력 포트에서 두 번째 화살표를 이어 주세요. 모양이 다르면 한쪽 경로에 Linear나 1×1 Conv2d를 넣으세요.</translation>
    </message>
    <message>
        <source>A merge block that puts its inputs side by side instead of adding them: two images of 16 and 8 channels become one of 24 channels (their height and width must match), two vectors of 128 and 64 become one of 192. Nothing is lost or mixed; the next layer learns how to combine them. It has no weights.</source>
        <translation>입력을 더하지 않고 나란히 이어 붙이는 합치기 블록입니다. 채널 16개와 8개인 두 이미지는 채널 24개인 이미지 하나가 되고 (높이와 너비는 같아야 합니다), 길이 128과 64인 두 벡터는 길이 192인 벡터 하나가 됩니다. 잃거나 섞이는 것은 없고, 어떻게 조합할지는 다음 층이 배웁니다. 가중치는 없습니다.</translation>
    </message>
    <message>
        <source>The standard loss for classification. Softmax turns the scores z into probabilities, and the loss is −log of the probability given to the true class y: 0 when the network is sure and right, large when it is sure and wrong. PyTorch&apos;s CrossEntropyLoss applies softmax itself, so the last layer should output raw scores (logits).</source>
        <translation>분류에 쓰는 표준 손실입니다. 소프트맥스가 점수 z를 확률로 바꾸고, 손실은 정답 클래스 y에 준 확률의 −log입니다. 확신하고 맞으면 0, 확신하고 틀리면 커집니다. PyTorch의 CrossEntropyLoss는 소프트맥스를 스스로 적용하므로, 마지막 층은 날것의 점수(로짓)를 내보내야 합니다.</translation>
    </message>
    <message>
        <source>−log of the true class&apos;s probability, for a network whose outputs already are log-probabilities (it ends with LogSoftmax). LogSoftmax followed by NLL equals cross-entropy.</source>
        <translation>출력이 이미 로그 확률인 네트워크(LogSoftmax로 끝나는 네트워크)에서 정답 클래스 확률의 −log입니다. LogSoftmax 다음에 NLL을 쓰면 교차 엔트로피와 같습니다.</translation>
    </message>
    <message>
        <source>The average of the squared differences between predictions and targets: the usual loss for regression. Squaring makes large errors count much more than small ones, so outliers weigh a lot.</source>
        <translation>예측과 정답의 차이를 제곱해 평균 낸 값으로, 회귀에서 흔히 쓰는 손실입니다. 제곱하기 때문에 큰 오차가 작은 오차보다 훨씬 크게 반영되어, 이상치의 영향이 큽니다.</translation>
    </message>
    <message>
        <source>The squared differences between predictions and targets added up, not averaged: lesson 003&apos;s loss, (y_pred − y).pow(2).sum(). It is N times the mean squared error, so both have the same best fit (the least-squares line), but every gradient is N times larger: a learning rate that suits MSE is N times too large for SSE. The sum also grows with the batch, so its value is comparable only between batches of the same size. In PyTorch: nn.MSELoss(reduction=&quot;sum&quot;).</source>
        <translation>예측과 정답의 차이를 제곱해 평균 내지 않고 모두 더한 값으로, 003 강의의 손실 (y_pred − y).pow(2).sum()입니다. 평균 제곱 오차의 N배이므로 가장 잘 맞는 답(최소제곱 직선)은 같지만, 기울기는 모두 N배 큽니다. 그래서 MSE에 알맞은 학습률은 SSE에는 N배 너무 큽니다. 합은 배치가 클수록 커지므로, 크기가 같은 배치끼리만 값을 비교할 수 있습니다. PyTorch에서는 nn.MSELoss(reduction=&quot;sum&quot;)입니다.</translation>
    </message>
    <message>
        <source>The average of the absolute differences. Every error counts in proportion to its size, so outliers weigh less than with mean squared error.</source>
        <translation>차이의 절댓값의 평균입니다. 모든 오차가 크기에 비례해 반영되므로 평균 제곱 오차보다 이상치의 영향이 작습니다.</translation>
    </message>
    <message>
        <source>Squared error for small differences d (|d| &lt; 1) and absolute error for large ones: smooth near the answer like MSE, robust to outliers like L1.</source>
        <translation>작은 차이 d(|d| &lt; 1)에는 제곱 오차를, 큰 차이에는 절대 오차를 씁니다. 정답 근처에서는 MSE처럼 부드럽고, 이상치에는 L1처럼 강합니다.</translation>
    </message>
    <message>
        <source>Binary cross-entropy for yes/no outputs: each output is its own probability σ(z). Doing the sigmoid and the loss in one function is numerically more stable than a Sigmoid layer followed by the loss.</source>
        <translation>예/아니오 출력을 위한 이진 교차 엔트로피입니다. 각 출력이 각자의 확률 σ(z)입니다. 시그모이드와 손실을 한 함수에서 계산하는 편이 Sigmoid 층 다음에 손실을 두는 것보다 수치적으로 안정적입니다.</translation>
    </message>
    <message>
        <source>Stochastic gradient descent moves every weight a small step against its gradient g, computed on one batch: w ← w − η·g. With momentum μ (for example 0.9) it keeps a running velocity v, so steps build up along directions that stay the same and zig-zags cancel out. Nesterov momentum takes the gradient after the look-ahead step.</source>
        <translation>확률적 경사 하강법은 배치 하나로 계산한 기울기 g의 반대 방향으로 모든 가중치를 조금씩 움직입니다: w ← w − η·g. 모멘텀 μ(예: 0.9)를 쓰면 속도 v를 계속 유지해서, 방향이 일정한 쪽으로는 걸음이 빨라지고 지그재그는 서로 상쇄됩니다. 네스테로프 모멘텀은 미리 한 걸음 내다본 위치에서 기울기를 구합니다.</translation>
    </message>
    <message>
        <source>Adam keeps two running averages for every weight: m of the gradient (the first moment) and v of the squared gradient (the second moment). Both start at 0, so at first they are too small; dividing by 1 − βᵗ corrects this bias. Each weight then moves by η·m̂/(√v̂ + ε): far where its gradients agree, little where they are noisy. A good default: learning rate 0.001, β₁ = 0.9, β₂ = 0.999.</source>
        <translation>Adam은 가중치마다 이동 평균 두 개를 유지합니다: 기울기의 평균 m(1차 모멘트)과 기울기 제곱의 평균 v(2차 모멘트)입니다. 둘 다 0에서 시작하므로 처음에는 너무 작은데, 1 − βᵗ로 나누어 이 편향을 보정합니다. 그런 다음 각 가중치는 η·m̂/(√v̂ + ε)만큼 움직입니다. 기울기가 한결같으면 크게, 들쭉날쭉하면 조금만 움직입니다. 좋은 기본값: 학습률 0.001, β₁ = 0.9, β₂ = 0.999.</translation>
    </message>
    <message>
        <source>Adam with the weight decay applied to the weights directly (each step shrinks w by η·λ·w) instead of being added to the gradient, where Adam&apos;s scaling would weaken it. It usually regularizes better than Adam with L2.</source>
        <translation>가중치 감쇠를 기울기에 더하지 않고(그러면 Adam의 스케일링이 그 효과를 약하게 만듭니다) 가중치에 직접 적용하는 Adam입니다 (매 스텝 w를 η·λ·w만큼 줄임). 보통 L2를 쓴 Adam보다 규제 효과가 좋습니다.</translation>
    </message>
    <message>
        <source>Divides each weight&apos;s step by the root of a running average of its squared gradients, so weights with large gradients take smaller steps. Adam is RMSprop plus momentum plus bias correction.</source>
        <translation>각 가중치의 보폭을 기울기 제곱의 이동 평균의 제곱근으로 나눕니다. 그래서 기울기가 큰 가중치는 더 작게 움직입니다. Adam은 RMSprop에 모멘텀과 편향 보정을 더한 것입니다.</translation>
    </message>
    <message>
        <source>Adds up all past squared gradients G of each weight and divides its step by √G: weights with frequent, large gradients get smaller steps. Because G only grows, the steps keep shrinking and learning can stop too early.</source>
        <translation>각 가중치의 지난 기울기 제곱을 모두 더한 G를 두고 보폭을 √G로 나눕니다. 기울기가 자주, 크게 나오는 가중치는 작게 움직입니다. G는 커지기만 하므로 보폭이 계속 줄어들어 학습이 너무 일찍 멈출 수 있습니다.</translation>
    </message>
    <message>
        <source>The learning rate η stays as set for the whole run.</source>
        <translation>학습률 η가 학습 내내 설정한 값 그대로입니다.</translation>
    </message>
    <message>
        <source>Multiplies the learning rate by γ every s epochs (&quot;Step every&quot;): big steps first, then finer ones once the loss levels off.</source>
        <translation>s 에폭마다(‘스텝 간격’) 학습률에 γ를 곱합니다. 처음에는 큰 걸음으로, 손실이 평평해지면 더 세밀한 걸음으로 갑니다.</translation>
    </message>
    <message>
        <source>Multiplies the learning rate by γ after every epoch: a smooth, steady decay.</source>
        <translation>에폭이 끝날 때마다 학습률에 γ를 곱합니다. 부드럽고 꾸준하게 줄어듭니다.</translation>
    </message>
    <message>
        <source>Lowers the learning rate from η to 0 along half a cosine wave over the T epochs of the run: slowly at first, fastest in the middle, slowly again at the end.</source>
        <translation>학습 T 에폭 동안 학습률을 코사인 반주기를 따라 η에서 0까지 낮춥니다. 처음에는 천천히, 중간에 가장 빠르게, 끝에서 다시 천천히 줄어듭니다.</translation>
    </message>
    <message>
        <source>Starts low, warms up to a maximum learning rate (10 × the set one) during the first 30% of the batches, then anneals to almost 0. It changes after every batch and often trains quickly.</source>
        <translation>낮게 시작해서 처음 30%의 배치 동안 최대 학습률(설정값의 10배)까지 올린 뒤, 거의 0까지 천천히 낮춥니다. 배치마다 바뀌며, 대개 빠르게 학습됩니다.</translation>
    </message>
    <message>
        <source>output size = (n + 2·padding − kernel) / stride + 1</source>
        <translation>출력 크기 = (n + 2·패딩 − 커널) / 스트라이드 + 1</translation>
    </message>
    <message>
        <source>Gradient health</source>
        <translation>그래디언트 건강 상태</translation>
    </message>
    <message>
        <source>What the colours on the network view mean.</source>
        <translation>네트워크 보기의 색이 뜻하는 것.</translation>
    </message>
    <message>
        <source>While a network trains, every few batches the playground measures each layer&apos;s gradient norm ‖g‖ (how strongly the loss pulls on its weights), its weight norm ‖w‖ and the update ratio ‖Δw‖/‖w‖, and for activation layers the share of dead or saturated units. The network view tints each layer on a log scale: turning blue when its gradient is 10 or more times smaller than the strongest layer&apos;s (vanishing; deep blue at 1,000 times), pale green when healthy, red when its norm is above 10 (exploding). Hover a layer for its figures; the small line beside it is its gradient norm over the run. playground train --json writes the same figures for every epoch.</source>
        <translation>네트워크가 학습하는 동안 플레이그라운드는 몇 배치마다 각 층의 그래디언트 노름 ‖g‖(손실이 그 층의 가중치를 얼마나 세게 당기는지), 가중치 노름 ‖w‖, 업데이트 비율 ‖Δw‖/‖w‖를 재고, 활성화 층에서는 죽은 유닛이나 포화된 유닛의 비율을 잽니다. 네트워크 보기는 각 층을 로그 눈금으로 색칠합니다. 그래디언트가 가장 강한 층보다 10배 이상 작으면 파랗게 변하고(소실, 1,000배면 진한 파랑), 건강하면 연한 초록, 노름이 10을 넘으면 빨강(폭주)입니다. 층 위에 마우스를 올리면 수치가 보이고, 옆의 작은 선은 학습 동안의 그래디언트 노름입니다. playground train --json도 에포크마다 같은 수치를 출력합니다.</translation>
    </message>
    <message>
        <source>Vanishing gradients</source>
        <translation>그래디언트 소실</translation>
    </message>
    <message>
        <source>The gradient fades on its way back to the first layers.</source>
        <translation>그래디언트가 앞쪽 층으로 돌아가는 동안 사라집니다.</translation>
    </message>
    <message>
        <source>Backpropagation multiplies the gradient by each layer&apos;s weights and by the slope of each activation on its way from the loss to the input. A sigmoid&apos;s slope is at most 0.25, so ten sigmoid layers shrink the gradient by a million or more: the last layers learn, the first ones hardly move, and accuracy stays low. The deep-sigmoid preset shows it: its first layer turns blue. Remedies: ReLU (slope 1 where active), careful initialisation, BatchNorm, and skip connections that give the gradient a short way back.</source>
        <translation>역전파는 손실에서 입력으로 돌아가면서 그래디언트에 각 층의 가중치와 각 활성화 함수의 기울기를 곱합니다. 시그모이드의 기울기는 최대 0.25라서, 시그모이드 층 열 개를 지나면 그래디언트가 백만 배 이상 줄어듭니다. 뒤쪽 층은 학습하지만 앞쪽 층은 거의 움직이지 않고 정확도는 낮게 머뭅니다. deep-sigmoid 프리셋에서 볼 수 있습니다. 첫 층이 파랗게 변합니다. 해결책: ReLU(활성 구간에서 기울기 1), 신중한 초기화, BatchNorm, 그리고 그래디언트에 짧은 귀갓길을 열어 주는 스킵 연결.</translation>
    </message>
    <message>
        <source>Exploding gradients</source>
        <translation>그래디언트 폭주</translation>
    </message>
    <message>
        <source>The gradient grows until the steps throw the weights away.</source>
        <translation>그래디언트가 커져서 한 걸음에 가중치가 날아갑니다.</translation>
    </message>
    <message>
        <source>The same product of factors that makes gradients vanish makes them grow when the factors are larger than 1: large weights, a learning rate that is too high, or a long recurrent chain. Each step then overshoots further, the loss jumps up and may become NaN. Lower the learning rate, turn on gradient clipping (it caps ‖g‖), add BatchNorm, or use LSTM/GRU for sequences. Layers with a gradient norm above 10 turn red on the network view.</source>
        <translation>그래디언트를 소실시키는 바로 그 곱셈이, 곱하는 값이 1보다 크면 그래디언트를 키웁니다. 큰 가중치, 너무 높은 학습률, 긴 순환 연결이 원인입니다. 그러면 걸음마다 더 멀리 넘어가고, 손실이 튀어 오르다가 NaN이 될 수도 있습니다. 학습률을 낮추거나, 그래디언트 클리핑(‖g‖의 상한)을 켜거나, BatchNorm을 넣거나, 시퀀스에는 LSTM/GRU를 쓰세요. 그래디언트 노름이 10을 넘는 층은 네트워크 보기에서 빨갛게 표시됩니다.</translation>
    </message>
    <message>
        <source>Dead ReLU units</source>
        <translation>죽은 ReLU 유닛</translation>
    </message>
    <message>
        <source>Units that output 0 for every input, and so stop learning.</source>
        <translation>모든 입력에 0을 출력해서 더 이상 학습하지 않는 유닛.</translation>
    </message>
    <message>
        <source>A ReLU unit whose input is negative for every example outputs 0 and passes no gradient back, so nothing pushes its weights out of that state: it is dead. A few dead units are normal; when more than half of a layer is dead, the layer has lost most of its width. A learning rate that is too high often causes it (one big step pushes the bias far negative). Lower the learning rate, use LeakyReLU (a small slope below 0), or BatchNorm before the ReLU. The bar on a ReLU row of the network view shows the dead share.</source>
        <translation>모든 예제에서 입력이 음수인 ReLU 유닛은 0을 출력하고 그래디언트를 전혀 돌려보내지 않으므로, 그 상태에서 가중치를 꺼내 줄 것이 없습니다. 죽은 것입니다. 죽은 유닛이 몇 개 있는 것은 정상이지만, 층의 절반 넘게 죽으면 그 층은 폭의 대부분을 잃은 것입니다. 너무 높은 학습률이 흔한 원인입니다(큰 한 걸음이 편향을 크게 음수로 밀어냅니다). 학습률을 낮추거나, LeakyReLU(0 아래에서 작은 기울기)를 쓰거나, ReLU 앞에 BatchNorm을 넣으세요. 네트워크 보기의 ReLU 행에 있는 막대가 죽은 비율을 보여 줍니다.</translation>
    </message>
    <message>
        <source>Saturated activations</source>
        <translation>포화된 활성화</translation>
    </message>
    <message>
        <source>Sigmoid or Tanh outputs pinned near their limits, where the slope is 0.</source>
        <translation>기울기가 0인 한계 근처에 붙어 버린 Sigmoid나 Tanh 출력.</translation>
    </message>
    <message>
        <source>Sigmoid and Tanh flatten out for large inputs: near 0 or 1 (Sigmoid), near −1 or 1 (Tanh), their slope is almost 0, so the gradient that passes through them is almost 0 too. A layer whose outputs are mostly saturated has stopped learning, and the layers before it with it. Large weights or inputs cause it. Try ReLU, BatchNorm before the activation, normalised inputs, or a lower learning rate. The bar on a Sigmoid or Tanh row of the network view shows the saturated share.</source>
        <translation>Sigmoid와 Tanh는 입력이 크면 평평해집니다. 0이나 1 근처(Sigmoid), −1이나 1 근처(Tanh)에서는 기울기가 거의 0이라 그곳을 지나는 그래디언트도 거의 0입니다. 출력이 대부분 포화된 층은 학습을 멈추고, 그 앞의 층들도 함께 멈춥니다. 큰 가중치나 큰 입력이 원인입니다. ReLU, 활성화 앞의 BatchNorm, 정규화된 입력, 또는 더 낮은 학습률을 시도하세요. 네트워크 보기의 Sigmoid나 Tanh 행에 있는 막대가 포화된 비율을 보여 줍니다.</translation>
    </message>
    <message>
        <source>Update-to-weight ratio</source>
        <translation>업데이트 대 가중치 비율</translation>
    </message>
    <message>
        <source>How much one step changes a layer&apos;s weights, relative to their size.</source>
        <translation>한 걸음이 층의 가중치를 그 크기에 비해 얼마나 바꾸는지.</translation>
    </message>
    <message>
        <source>Divide the size of one step&apos;s change to a layer&apos;s weights by the size of the weights. A rule of thumb says about 0.001 is healthy. Far above (0.1: each step changes a tenth of the weights) the learning rate is too high and training jumps around or diverges; far below (0.00001) it is too low, or the gradient has vanished, and training crawls. Hover a layer on the network view to see its ratio.</source>
        <translation>한 걸음에서 층의 가중치가 바뀐 크기를 가중치의 크기로 나눈 값입니다. 경험칙으로 0.001 정도가 건강합니다. 훨씬 크면(0.1: 걸음마다 가중치의 10분의 1이 바뀜) 학습률이 너무 높아 학습이 들쭉날쭉하거나 발산하고, 훨씬 작으면(0.00001) 학습률이 너무 낮거나 그래디언트가 소실되어 학습이 기어갑니다. 네트워크 보기에서 층 위에 마우스를 올리면 비율이 보입니다.</translation>
    </message>
    <message>
        <source>Data augmentation</source>
        <translation>데이터 증강</translation>
    </message>
    <message>
        <source>New training images from old ones, made fresh every time.</source>
        <translation>기존 이미지로 매번 새로 만드는 학습 이미지.</translation>
    </message>
    <message>
        <source>Every time a training image is used it is distorted a little, at random: turned, moved, zoomed, its strokes made thicker or thinner, blurred, and for clothing mirrored left-right (never for digits: a mirrored 2 is not a 2). The label stays the same, so the network has to learn what does not change when a digit is drawn differently, and it overfits less. Validation and test images are never distorted. The preview under Augmentation shows 16 images exactly as the network receives them. Train cnn-augmented and simple-cnn, then draw your own digits: the augmented one reads mouse strokes better.</source>
        <translation>학습 이미지는 쓰일 때마다 무작위로 조금씩 변형됩니다: 회전, 이동, 확대·축소, 획을 굵게 또는 가늘게, 흐리게, 옷이라면 좌우 반전(숫자에는 절대 쓰지 않습니다: 뒤집은 2는 2가 아닙니다). 레이블은 그대로이므로 신경망은 숫자가 다르게 그려져도 변하지 않는 것을 배워야 하고, 과적합이 줄어듭니다. 검증·테스트 이미지는 변형하지 않습니다. &apos;데이터 증강&apos; 아래 미리보기는 신경망이 받는 그대로의 이미지 16개를 보여 줍니다. cnn-augmented와 simple-cnn을 학습시킨 뒤 직접 숫자를 그려 비교해 보세요.</translation>
    </message>
    <message>
        <source>Transfer learning</source>
        <translation>전이 학습</translation>
    </message>
    <message>
        <source>Start from a network trained on another task.</source>
        <translation>다른 작업에서 학습한 신경망에서 시작하기.</translation>
    </message>
    <message>
        <source>The first layers of a trained CNN detect edges, strokes and textures that are useful for other images too. Transfer learning copies those weights into a new network (File → Start from trained weights…: each layer takes the weights of the next layer of the checkpoint with the same type and shape), freezes them, and trains only a new head — the last layers — for the new classes. It helps when the old task is close to the new one and data is scarce; it can also hurt: measured here, the MNIST CNN&apos;s frozen convolutions give Fashion-MNIST less than training from scratch. The transfer-fashion preset reuses the bundled MNIST CNN&apos;s convolutions for Fashion-MNIST.</source>
        <translation>학습된 CNN의 앞쪽 층은 다른 이미지에도 쓸모 있는 가장자리, 획, 질감을 감지합니다. 전이 학습은 그 가중치를 새 신경망에 복사하고(파일 → 학습된 가중치에서 시작…: 각 층은 체크포인트에서 종류와 모양이 같은 다음 층의 가중치를 받습니다), 고정한 뒤 새 클래스를 위한 새 헤드(마지막 층들)만 학습합니다. 이전 작업이 새 작업과 가깝고 데이터가 적을 때 도움이 되지만 해가 될 수도 있습니다: 여기서 측정해 보니 MNIST CNN의 고정된 합성곱은 처음부터 학습하는 것보다 Fashion-MNIST에 덜 도움이 되었습니다. transfer-fashion 프리셋은 내장 MNIST CNN의 합성곱을 Fashion-MNIST에 다시 씁니다.</translation>
    </message>
    <message>
        <source>Freezing layers</source>
        <translation>층 고정(freeze)</translation>
    </message>
    <message>
        <source>Layers that keep their weights while the rest trains.</source>
        <translation>나머지가 학습하는 동안 가중치를 유지하는 층.</translation>
    </message>
    <message>
        <source>A frozen layer gets no gradient and is not given to the optimizer, so its weights stay exactly as they were (untick Train this layer, or right-click → Freeze up to here). A pitfall: BatchNorm also keeps running averages of the mean and variance, and in training mode it updates them from every batch even when its weights are frozen — the pretrained statistics drift towards the new data and the frozen features change after all. NN Playground keeps frozen BatchNorm layers in evaluation mode, as the exported script does (layer.eval() after model.train()).</source>
        <translation>고정된 층은 그래디언트를 받지 않고 옵티마이저에도 전달되지 않으므로 가중치가 정확히 그대로 유지됩니다(&apos;이 층 학습&apos; 체크 해제, 또는 오른쪽 클릭 → 여기까지 고정). 함정: BatchNorm은 평균과 분산의 이동 평균도 갖고 있어서, 학습 모드에서는 가중치가 고정되어 있어도 배치마다 이를 갱신합니다 — 사전 학습된 통계가 새 데이터 쪽으로 흘러가 고정된 특징이 결국 바뀝니다. NN Playground는 내보낸 스크립트처럼(model.train() 뒤에 layer.eval()) 고정된 BatchNorm 층을 평가 모드로 둡니다.</translation>
    </message>
    <message>
        <source>Gradient clipping</source>
        <translation>그래디언트 클리핑</translation>
    </message>
    <message>
        <source>A cap on the length of the gradient.</source>
        <translation>그래디언트 길이의 상한.</translation>
    </message>
    <message>
        <source>Before each step the lengths of all gradients are combined into one norm ‖g‖. If it is above the maximum c, every gradient is scaled down by the same factor so the norm equals c: the direction stays, the step gets shorter. It keeps a single bad batch (or an exploding recurrent network) from throwing the weights far away (lesson 002: torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)). The training panel says after each epoch in how many batches it clipped: in almost all of them, the cap is tighter than it needs to be and slows learning.</source>
        <translation>매 스텝 전에 모든 그래디언트의 길이를 하나의 노름 ‖g‖로 합칩니다. 이것이 최댓값 c보다 크면 모든 그래디언트를 같은 비율로 줄여 노름이 c가 되게 합니다: 방향은 그대로, 스텝만 짧아집니다. 나쁜 배치 하나(또는 폭주하는 순환 신경망)가 가중치를 멀리 날려 보내는 것을 막습니다(2강: torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)). 학습 패널은 에포크마다 몇 %의 배치에서 잘랐는지 알려 줍니다: 거의 모든 배치에서 잘린다면 상한이 필요 이상으로 빡빡해 학습이 느려집니다.</translation>
    </message>
    <message>
        <source>A learning rate that changes during the run.</source>
        <translation>학습 중에 바뀌는 학습률.</translation>
    </message>
    <message>
        <source>Large steps help early, when the weights are far from good; small steps help late, to settle into a minimum. A schedule lowers the learning rate as training goes on (t counts epochs; OneCycle counts batches). The training panel draws the learning rate of every batch of the run for the current settings before you press Train, and the loss plot shows the rate actually used (dashed, right axis) beside the loss.</source>
        <translation>처음에는 가중치가 좋은 값에서 멀기 때문에 큰 스텝이 도움이 되고, 나중에는 최솟값에 자리 잡도록 작은 스텝이 도움이 됩니다. 스케줄은 학습이 진행될수록 학습률을 낮춥니다(t는 에포크, OneCycle은 배치를 셉니다). 학습 패널은 학습을 누르기 전에 현재 설정으로 모든 배치의 학습률을 그려 주고, 손실 그래프는 실제로 쓰인 학습률을 손실 옆에 보여 줍니다(점선, 오른쪽 축).</translation>
    </message>
</context>
<context>
    <name>ConfusionMatrixPlot</name>
    <message>
        <source>Predicted class</source>
        <translation>예측한 클래스</translation>
    </message>
    <message>
        <source>True class</source>
        <translation>실제 클래스</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>혼동 행렬</translation>
    </message>
</context>
<context>
    <name>CsvImportDialog</name>
    <message>
        <source>Import your own data (CSV)</source>
        <translation>내 데이터 가져오기 (CSV)</translation>
    </message>
    <message>
        <source>A .csv file with a header row</source>
        <translation>머리글 행이 있는 .csv 파일</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <source>The network&apos;s inputs: numeric columns only</source>
        <translation>네트워크의 입력: 숫자 열만 가능</translation>
    </message>
    <message>
        <source>classification</source>
        <translation>분류</translation>
    </message>
    <message>
        <source>regression</source>
        <translation>회귀</translation>
    </message>
    <message>
        <source>File</source>
        <translation>파일</translation>
    </message>
    <message>
        <source>Feature columns</source>
        <translation>특성 열</translation>
    </message>
    <message>
        <source>Label / target column</source>
        <translation>레이블 / 목표 열</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>작업</translation>
    </message>
    <message>
        <source>First rows:</source>
        <translation>처음 몇 행:</translation>
    </message>
    <message>
        <source>Choose a CSV file</source>
        <translation>CSV 파일 선택</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 파일 (*.csv);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Not every value of this column is a number, so it cannot be an input</source>
        <translation>이 열에는 숫자가 아닌 값이 있어서 입력으로 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>line {number}</source>
        <translation>{number}행</translation>
    </message>
</context>
<context>
    <name>Data</name>
    <message>
        <source>Linear regression</source>
        <translation>선형 회귀</translation>
    </message>
    <message>
        <source>GRU on long sequences</source>
        <translation>긴 시퀀스 위의 GRU</translation>
    </message>
    <message>
        <source>Deep ReLU network</source>
        <translation>깊은 ReLU 네트워크</translation>
    </message>
    <message>
        <source>The same ten Linear (64) layers as deep-sigmoid with ReLU instead of Sigmoid, same data and optimizer. ReLU&apos;s slope is 1 where it is active, so the gradient reaches the first layer about as strong as the last (ratio about 1.5 after one epoch) and the network learns (about 74 % after one epoch). Watch the dead-unit bars on the ReLU rows.</source>
        <translation>deep-sigmoid와 같은 Linear (64) 층 열 개에 Sigmoid 대신 ReLU를 썼고, 데이터와 옵티마이저도 같습니다. ReLU는 활성 구간에서 기울기가 1이라 그래디언트가 마지막 층과 거의 같은 세기로 첫 층에 닿고(한 에포크 뒤 비율 약 1.5), 네트워크가 학습합니다(한 에포크 뒤 약 74 %). ReLU 행의 죽은 유닛 막대를 지켜보세요.</translation>
    </message>
    <message>
        <source>Deep Sigmoid network (vanishing gradients)</source>
        <translation>깊은 Sigmoid 네트워크 (그래디언트 소실)</translation>
    </message>
    <message>
        <source>Lesson 002&apos;s warning, made visible: ten Linear (64) + Sigmoid layers on MNIST, SGD 0.05 with momentum. Watch the network view while it trains: the colour turns blue towards the input as the gradient shrinks by about 4 times at every Sigmoid (its slope is at most 0.25); after one epoch the first layer&apos;s gradient is about 10⁻⁸ of the last layer&apos;s and accuracy stays near chance. Compare deep-relu.</source>
        <translation>2강의 경고를 눈으로 확인합니다. MNIST에 Linear (64) + Sigmoid 층 열 개, 모멘텀이 있는 SGD 0.05. 학습하는 동안 네트워크 보기를 지켜보세요. Sigmoid를 지날 때마다 그래디언트가 약 4배씩 줄어(기울기가 최대 0.25) 입력 쪽으로 갈수록 색이 파래집니다. 한 에포크 뒤 첫 층의 그래디언트는 마지막 층의 약 10⁻⁸이고 정확도는 찍기 수준에 머뭅니다. deep-relu와 비교해 보세요.</translation>
    </message>
    <message>
        <source>The long-memory sequences (T = 60) read by a GRU (hidden 32), all else as in rnn-long. Its update gate starts by keeping almost all of the old state (bias 3), so it learns what the RNN cannot, like the LSTM, with three sets of gate weights instead of four; on a CPU it needs a few more epochs and more time per epoch. Compare all three in the Runs tab.</source>
        <translation>장기 기억 시퀀스(T = 60)를 GRU(은닉 32)로 읽습니다. 나머지는 rnn-long과 같습니다. 업데이트 게이트가 이전 상태를 거의 그대로 간직한 채 시작하므로(편향 3), LSTM처럼 RNN이 못 배우는 것을 배웁니다. 게이트 가중치 묶음은 넷이 아니라 셋이며, CPU에서는 에폭이 몇 번 더 필요하고 에폭마다 시간도 더 걸립니다. 실행 기록 탭에서 셋을 비교해 보세요.</translation>
    </message>
    <message>
        <source>Lesson 003: y = wx + b fitted to its nine noisy points with the sum of squared errors and plain gradient descent, all nine points in every step. The two points at the right pull the least-squares line almost flat (w ≈ −0.06, b ≈ 5.23). A sum grows with the number of points and with x², so its steps are nine times those of the mean: above a learning rate of about 0.003 each step overshoots further than the last and the loss blows up.</source>
        <translation>003 강의: y = wx + b를 강의의 잡음 섞인 점 9개에 오차 제곱합과 순수한 경사 하강법으로 맞춥니다. 매 스텝마다 9개 점을 모두 씁니다. 오른쪽의 두 점이 최소제곱 직선을 거의 평평하게 끌어내립니다(w ≈ −0.06, b ≈ 5.23). 합은 점의 수와 x²에 따라 커지므로 스텝이 평균을 쓸 때의 9배입니다. 학습률이 약 0.003을 넘으면 스텝마다 이전보다 더 멀리 지나쳐 손실이 폭발합니다.</translation>
    </message>
    <message>
        <source>LSTM on long sequences</source>
        <translation>긴 시퀀스 위의 LSTM</translation>
    </message>
    <message>
        <source>The long-memory sequences (T = 60) read by an LSTM (hidden 32), all else as in rnn-long. Its forget gate starts almost open (bias 3), so the class from the first steps survives 57 noisy steps: validation accuracy passes 90 % in the first epochs while the RNN stays at 25 %. Compare them in the Runs tab; with the forget-gate bias at 0 (PyTorch&apos;s start) it stays at chance too.</source>
        <translation>장기 기억 시퀀스(T = 60)를 LSTM(은닉 32)으로 읽습니다. 나머지는 rnn-long과 같습니다. 망각 게이트가 거의 열린 채로 시작하므로(편향 3), 처음 단계의 클래스가 잡음 57단계를 지나서도 남습니다. RNN이 25 %에 머무는 동안 검증 정확도는 처음 몇 에폭 안에 90 %를 넘습니다. 실행 기록 탭에서 비교해 보세요. 망각 게이트 편향을 0(PyTorch의 기본 시작값)으로 두면 이것도 찍는 수준에 머뭅니다.</translation>
    </message>
    <message>
        <source>MLP with BatchNorm and Dropout</source>
        <translation>배치 정규화와 드롭아웃을 쓴 MLP</translation>
    </message>
    <message>
        <source>784-256-256-10 with BatchNorm, ReLU and Dropout 0.5; AdamW with weight decay and a cosine schedule</source>
        <translation>BatchNorm, ReLU, Dropout 0.5를 쓴 784-256-256-10; 가중치 감쇠를 쓴 AdamW와 코사인 스케줄</translation>
    </message>
    <message>
        <source>Mini ResNet</source>
        <translation>미니 ResNet</translation>
    </message>
    <message>
        <source>Residual MLP</source>
        <translation>잔차 MLP</translation>
    </message>
    <message>
        <source>A deep MLP with skip connections: Flatten, Linear 64 and ReLU, then four residual blocks (Linear 64, ReLU, Linear 64, and an Add that brings back the block&apos;s input, then ReLU) and Linear 10 — ten Linear layers, about as deep as deep-sigmoid. Watch the graph: each skip arrow jumps over a block, and on the way back the Add hands the gradient to the layers below unchanged, so the first layer learns as fast as the last and this depth trains like a shallow network (about 91 % validation accuracy after one epoch on MNIST). Train deep-sigmoid too and compare them in the Runs tab; then delete an Add (the skip goes with it) and see how much slower the plain stack starts.</source>
        <translation>스킵 연결이 있는 깊은 MLP: Flatten, Linear 64와 ReLU 다음에 잔차 블록 네 개(Linear 64, ReLU, Linear 64, 그리고 블록의 입력을 다시 더하는 Add, 그 뒤 ReLU)와 Linear 10이 이어집니다. Linear 층이 열 개로, deep-sigmoid와 거의 같은 깊이입니다. 그래프를 보세요: 스킵 화살표가 블록을 하나씩 건너뛰고, 거꾸로 전해질 때 Add는 기울기를 아래 층들에 그대로 넘겨주므로 첫 층도 마지막 층만큼 빨리 배우고, 이 깊이가 얕은 네트워크처럼 학습합니다 (MNIST 한 에폭 뒤 검증 정확도 약 91 %). deep-sigmoid도 학습시켜 실행 탭에서 비교해 보세요. 그다음 Add 하나를 지우면(스킵도 함께 사라집니다) 평범하게 쌓은 네트워크가 얼마나 느리게 출발하는지 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Two residual convolution blocks on MNIST (or Fashion-MNIST): Conv2d 16 (3×3) and ReLU, max-pool to 14×14, a block of two 3×3 convolutions whose Add brings back its input, max-pool to 7×7, a second such block, then Linear 10 — 17,290 parameters, about half as many as seed-cnn. Watch the shapes on the arrows: padding 1 keeps every block&apos;s output 16×14×14 (then 16×7×7), exactly the shape of its skip, as an Add needs; set one convolution&apos;s padding to 0 and the Add turns red, naming both shapes. About 97 % validation accuracy after two epochs.</source>
        <translation>MNIST(또는 Fashion-MNIST)에서 잔차 합성곱 블록 두 개: Conv2d 16 (3×3)과 ReLU, 14×14로 최대 풀링, 3×3 합성곱 두 개를 거친 뒤 Add가 블록의 입력을 다시 더하는 블록 하나, 7×7로 최대 풀링, 같은 블록 하나 더, 그리고 Linear 10입니다. 파라미터는 17,290개로 seed-cnn의 절반쯤입니다. 화살표 위의 모양을 보세요: 패딩 1 덕분에 블록마다 출력이 16×14×14(다음은 16×7×7)로, Add가 요구하는 대로 스킵 경로와 정확히 같은 모양입니다. 합성곱 하나의 패딩을 0으로 바꾸면 Add가 빨갛게 변하며 두 모양을 알려 줍니다. 두 에폭 뒤 검증 정확도는 약 97 %입니다.</translation>
    </message>
    <message>
        <source>CNN with augmentation</source>
        <translation>데이터 증강 CNN</translation>
    </message>
    <message>
        <source>Simple CNN trained on distorted digits: every image is rotated, shifted, scaled, made thicker or thinner and blurred a little, differently each time, so the network has to learn what stays a 3 when it is drawn differently. See the distortions in the preview under Augmentation. Train it and the plain simple-cnn, then draw your own digits on the canvas and compare how each reads them.</source>
        <translation>변형된 숫자로 학습하는 간단한 CNN: 모든 이미지를 매번 다르게 조금씩 회전, 이동, 확대·축소하고, 획을 굵게 또는 가늘게 하고, 흐리게 합니다. 그래서 신경망은 다르게 그려져도 3은 3이라는 것을 배워야 합니다. 변형은 &apos;데이터 증강&apos; 아래 미리보기에서 보세요. 이 모델과 일반 simple-cnn을 학습시킨 뒤 캔버스에 직접 숫자를 그려 각각 어떻게 읽는지 비교해 보세요.</translation>
    </message>
    <message>
        <source>Transfer: MNIST features for Fashion-MNIST</source>
        <translation>전이 학습: Fashion-MNIST에 MNIST 특징 사용</translation>
    </message>
    <message>
        <source>Lesson 004&apos;s transfer learning: the bundled MNIST CNN&apos;s five convolution blocks, trained on digits, frozen (their weights and BatchNorm statistics stay as they are), with a new head (Linear 64, ReLU, Linear 10) trained on only 1,000 Fashion-MNIST images (900 to train, 100 to check). Only the head&apos;s 33,482 of 172,970 parameters learn, so each epoch is quick. Measured honestly (benchmarks/RESULTS.md), it does worse than the same network trained from scratch on the same images (75 % against 80 % test accuracy, 5 epochs): features learned on digits fit clothing only in part. Try it: freeze fewer blocks (Freeze up to here), or Unfreeze all and Start fresh (File → Start from trained weights…), and compare the runs in the Runs tab.</source>
        <translation>4강의 전이 학습: 숫자로 학습한 내장 MNIST CNN의 합성곱 블록 다섯 개를 고정하고(가중치와 BatchNorm 통계를 그대로 유지), 새 헤드(Linear 64, ReLU, Linear 10)를 Fashion-MNIST 이미지 1,000개(학습 900개, 확인 100개)로만 학습합니다. 헤드의 파라미터 172,970개 중 33,482개만 학습하므로 에포크가 빠릅니다. 정직하게 측정한 결과(benchmarks/RESULTS.md), 같은 이미지로 처음부터 학습한 같은 신경망보다 성능이 낮습니다(테스트 정확도 75% 대 80%, 5 에포크): 숫자에서 배운 특징은 옷에 일부만 맞습니다. 블록을 덜 고정하거나(여기까지 고정), 모두 고정 해제 후 새로 시작(파일 → 학습된 가중치에서 시작…)하여 다시 학습하고, 실행 탭에서 비교해 보세요.</translation>
    </message>
    <message>
        <source>RNN on long sequences</source>
        <translation>긴 시퀀스 위의 RNN</translation>
    </message>
    <message>
        <source>Lesson 004&apos;s warning, made visible: 4,000 sequences of T = 60 steps whose class (one of four) shows only in the first 3 steps; the rest is noise. A plain RNN (hidden 32) stays near chance (25 %): by the last step the noise has rewritten its memory, and the gradient fades on its way back. Train lstm-long and gru-long too and compare the three in the Runs tab; with T = 10 the RNN learns as well.</source>
        <translation>004 강의의 경고를 눈으로 봅니다: T = 60 단계짜리 시퀀스 4,000개이며, 클래스(넷 중 하나)는 처음 3단계에만 나타나고 나머지는 잡음입니다. 단순 RNN(은닉 32)은 찍는 수준(25 %) 근처에 머뭅니다. 마지막 단계에 이를 때쯤 잡음이 기억을 덮어쓰고, 기울기는 되돌아가는 길에 사라집니다. lstm-long과 gru-long도 학습시킨 뒤 실행 기록 탭에서 셋을 비교해 보세요. T = 10이면 RNN도 학습합니다.</translation>
    </message>
    <message>
        <source>RNN over rows</source>
        <translation>행을 읽는 RNN</translation>
    </message>
    <message>
        <source>A recurrent network reading the image row by row (28 steps), hidden 128, then Linear 10</source>
        <translation>이미지를 한 행씩 (28단계) 읽는 순환 신경망, 은닉 128, 그다음 Linear 10</translation>
    </message>
    <message>
        <source>Seed CNN</source>
        <translation>시드 CNN</translation>
    </message>
    <message>
        <source>Lesson 004&apos;s SimpleCNN, layer for layer: Conv2d 1→16 (3×3, padding 1), ReLU, max-pool 2, Flatten, Linear 16·14·14 → 10; 31,530 parameters, nearly all of them in the last layer. Simple CNN adds a second block (32 filters, max-pool) before the classifier: it sees larger shapes with 35 % fewer parameters and makes about a third fewer mistakes (2 epochs on 10,000 MNIST training images: 96.5 % against 94.5 % test accuracy), for about 1.5 times the time per epoch on a CPU.</source>
        <translation>004 강의의 SimpleCNN을 층 하나하나 그대로 옮겼습니다: Conv2d 1→16 (3×3, 패딩 1), ReLU, 최대 풀링 2, Flatten, Linear 16·14·14 → 10. 파라미터는 31,530개이고 거의 전부가 마지막 층에 있습니다. 간단한 CNN은 분류기 앞에 두 번째 블록(필터 32개, 최대 풀링)을 더합니다. 파라미터는 35 % 적으면서 더 큰 모양을 보고, 실수는 약 3분의 1 줄어듭니다(MNIST 학습 이미지 10,000장으로 2 에폭: 테스트 정확도 96.5 % 대 94.5 %). 대신 CPU에서는 에폭마다 시간이 1.5배쯤 걸립니다.</translation>
    </message>
    <message>
        <source>Seed MLP</source>
        <translation>기본 MLP</translation>
    </message>
    <message>
        <source>The course&apos;s first network: 784-128-64-10 MLP with ReLU on MNIST, Adam 1e-3</source>
        <translation>강의의 첫 네트워크: MNIST에서 ReLU를 쓴 784-128-64-10 MLP, Adam 1e-3</translation>
    </message>
    <message>
        <source>Seed MLP with SGD</source>
        <translation>SGD로 학습하는 기본 MLP</translation>
    </message>
    <message>
        <source>The same MLP trained with SGD (lr 0.01, momentum 0.9) for 10 epochs</source>
        <translation>같은 MLP를 SGD(학습률 0.01, 모멘텀 0.9)로 10 에폭 학습합니다</translation>
    </message>
    <message>
        <source>Simple CNN</source>
        <translation>간단한 CNN</translation>
    </message>
    <message>
        <source>Two convolution blocks (16 then 32 filters 3×3, ReLU, max-pool 2), then a Linear classifier</source>
        <translation>합성곱 블록 두 개 (3×3 필터 16개, 그다음 32개, ReLU, 최대 풀링 2), 그다음 Linear 분류기</translation>
    </message>
    <message>
        <source>Spiral</source>
        <translation>나선</translation>
    </message>
    <message>
        <source>TensorFlow Playground&apos;s spiral: two hidden layers of 8 neurons with tanh, all seven input features</source>
        <translation>TensorFlow Playground의 나선: tanh를 쓴 뉴런 8개짜리 은닉층 둘, 입력 특성 일곱 개 모두</translation>
    </message>
    <message>
        <source>MNIST digits</source>
        <translation>MNIST 숫자</translation>
    </message>
    <message>
        <source>Circle</source>
        <translation>원</translation>
    </message>
    <message>
        <source>Two Gaussians</source>
        <translation>두 가우스 분포</translation>
    </message>
    <message>
        <source>Moons</source>
        <translation>반달</translation>
    </message>
    <message>
        <source>Linear (9 points)</source>
        <translation>직선 (점 9개)</translation>
    </message>
    <message>
        <source>Noisy sine</source>
        <translation>잡음 섞인 사인</translation>
    </message>
    <message>
        <source>Plane</source>
        <translation>평면</translation>
    </message>
    <message>
        <source>Long memory (sequences)</source>
        <translation>장기 기억 (시퀀스)</translation>
    </message>
    <message>
        <source>CSV file</source>
        <translation>CSV 파일</translation>
    </message>
    <message>
        <source>orange</source>
        <translation>주황</translation>
    </message>
    <message>
        <source>blue</source>
        <translation>파랑</translation>
    </message>
    <message>
        <source>Draw a digit…</source>
        <translation>숫자를 그려 보세요…</translation>
    </message>
    <message>
        <source>{path}: no such file</source>
        <translation>{path}: 그런 파일이 없습니다</translation>
    </message>
    <message>
        <source>{path}: is a folder, not an image</source>
        <translation>{path}: 이미지가 아니라 폴더입니다</translation>
    </message>
    <message>
        <source>{path}: not an image file (or a format that cannot be read)</source>
        <translation>{path}: 이미지 파일이 아닙니다 (또는 읽을 수 없는 형식입니다)</translation>
    </message>
    <message>
        <source>{path}: cannot read the image ({error})</source>
        <translation>{path}: 이미지를 읽을 수 없습니다 ({error})</translation>
    </message>
    <message>
        <source>{file} is not a model checkpoint (or it is damaged) — choose a .pt file saved by NN Playground</source>
        <translation>{file}은(는) 모델 체크포인트가 아닙니다 (또는 손상되었습니다) — NN Playground로 저장한 .pt 파일을 고르세요</translation>
    </message>
    <message>
        <source>{path} does not exist</source>
        <translation>{path}이(가) 없습니다</translation>
    </message>
    <message>
        <source>{file} was refused: it contains Python objects other than weights, which could run code when opened. Only load checkpoints saved by NN Playground (or plain state dicts).</source>
        <translation>{file}을(를) 열지 않았습니다: 가중치가 아닌 파이썬 객체가 들어 있어 열 때 코드가 실행될 수 있습니다. NN Playground로 저장한 체크포인트(또는 일반 state dict)만 불러오세요.</translation>
    </message>
    <message>
        <source>{file} is a PyTorch file but not an NN Playground checkpoint — it has no experiment describing the network. Save models with NN Playground to load them here.</source>
        <translation>{file}은(는) PyTorch 파일이지만 NN Playground 체크포인트가 아닙니다 — 네트워크를 설명하는 실험이 들어 있지 않습니다. 여기서 불러오려면 NN Playground로 모델을 저장하세요.</translation>
    </message>
    <message>
        <source>{file} is damaged: its description of the model cannot be read — choose a .pt file saved by NN Playground</source>
        <translation>{file}이(가) 손상되었습니다: 모델 설명을 읽을 수 없습니다 — NN Playground로 저장한 .pt 파일을 고르세요</translation>
    </message>
    <message>
        <source>{file} was saved by a newer NN Playground — update the app to open it</source>
        <translation>{file}은(는) 더 새로운 NN Playground로 저장되었습니다 — 열려면 앱을 업데이트하세요</translation>
    </message>
    <message>
        <source>{file} is damaged: it has no experiment describing the network</source>
        <translation>{file}이(가) 손상되었습니다: 네트워크를 설명하는 실험이 없습니다</translation>
    </message>
    <message>
        <source>{file} has an invalid experiment: {problem}</source>
        <translation>{file}에 든 실험이 올바르지 않습니다: {problem}</translation>
    </message>
    <message>
        <source>{file}: its network cannot be built: {problem}</source>
        <translation>{file}: 네트워크를 만들 수 없습니다: {problem}</translation>
    </message>
    <message>
        <source>{file}: the weights do not fit the network described in the file ({problem}) — the file is damaged or was edited</source>
        <translation>{file}: 가중치가 파일에 적힌 네트워크와 맞지 않습니다 ({problem}) — 파일이 손상되었거나 수정되었습니다</translation>
    </message>
    <message>
        <source>{file} was trained for a different network than this one ({problem}) — open its experiment instead, or train this network</source>
        <translation>{file}은(는) 이 네트워크가 아닌 다른 네트워크로 학습되었습니다 ({problem}) — 그 실험을 열거나, 이 네트워크를 학습하세요</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>… 그 밖에 {count}개 더</translation>
    </message>
    <message>
        <source>No CSV file chosen — choose one with CSV… in the 2-D playground</source>
        <translation>CSV 파일을 고르지 않았습니다 — 2차원 플레이그라운드의 ‘CSV…’에서 고르세요</translation>
    </message>
    <message>
        <source>{path} is a folder, not a CSV file</source>
        <translation>{path}은(는) 폴더입니다. CSV 파일을 고르세요</translation>
    </message>
    <message>
        <source>{file} is not a UTF-8 text file (byte {position} cannot be read) — save it as CSV (UTF-8)</source>
        <translation>{file}은(는) UTF-8 텍스트 파일이 아닙니다({position}번째 바이트를 읽을 수 없음) — CSV(UTF-8)로 저장하세요</translation>
    </message>
    <message>
        <source>{file} is empty — it needs a header row and at least one data row</source>
        <translation>{file}이(가) 비어 있습니다 — 헤더 행과 데이터 행이 하나 이상 있어야 합니다</translation>
    </message>
    <message>
        <source>line {line}: 1 value, but the header has {columns} columns</source>
        <translation>{line}행: 값이 1개인데 헤더에는 열이 {columns}개 있습니다</translation>
    </message>
    <message>
        <source>line {line}: {count} values, but the header has {columns} columns</source>
        <translation>{line}행: 값이 {count}개인데 헤더에는 열이 {columns}개 있습니다</translation>
    </message>
    <message>
        <source>{file} is not a readable CSV file (line {line}: {error})</source>
        <translation>{file}은(는) 읽을 수 있는 CSV 파일이 아닙니다 ({line}행: {error})</translation>
    </message>
    <message>
        <source>{file} has 1 malformed row:</source>
        <translation>{file}에 형식이 잘못된 행이 1개 있습니다:</translation>
    </message>
    <message>
        <source>{file} has {count} malformed rows:</source>
        <translation>{file}에 형식이 잘못된 행이 {count}개 있습니다:</translation>
    </message>
    <message>
        <source>{file} has a header row but no data rows</source>
        <translation>{file}에 헤더 행만 있고 데이터 행이 없습니다</translation>
    </message>
    <message>
        <source>{file}: the header row (line 1) has an empty column name at position {position} — the first row must name every column</source>
        <translation>{file}: 헤더 행(1행)의 {position}번째 열 이름이 비어 있습니다 — 첫 행에 모든 열의 이름이 있어야 합니다</translation>
    </message>
    <message>
        <source>{file}: the first row holds numbers, not column names — add a header row such as {example}</source>
        <translation>{file}: 첫 행에 열 이름이 아니라 숫자가 있습니다 — {example} 같은 헤더 행을 넣으세요</translation>
    </message>
    <message>
        <source>{file}: the column name {column} appears twice in the header row</source>
        <translation>{file}: 헤더 행에 열 이름 {column}이(가) 두 번 나옵니다</translation>
    </message>
    <message>
        <source>unknown task {task}; choose classification or regression</source>
        <translation>알 수 없는 작업 {task}입니다. 분류나 회귀 중에서 고르세요</translation>
    </message>
    <message>
        <source>choose at least one feature column</source>
        <translation>특성 열을 하나 이상 고르세요</translation>
    </message>
    <message>
        <source>choose the label column</source>
        <translation>레이블 열을 고르세요</translation>
    </message>
    <message>
        <source>choose the target column</source>
        <translation>목표 열을 고르세요</translation>
    </message>
    <message>
        <source>{file} has no column {column}; its columns are: {columns}</source>
        <translation>{file}에 {column} 열이 없습니다. 있는 열: {columns}</translation>
    </message>
    <message>
        <source>{column} cannot be both a feature and the label</source>
        <translation>{column}은(는) 특성이면서 동시에 레이블일 수 없습니다</translation>
    </message>
    <message>
        <source>{column} cannot be both a feature and the target</source>
        <translation>{column}은(는) 특성이면서 동시에 목표일 수 없습니다</translation>
    </message>
    <message>
        <source>line {line}: an empty value in column {column} (a number is needed)</source>
        <translation>{line}행: {column} 열의 값이 비어 있습니다 (숫자가 필요합니다)</translation>
    </message>
    <message>
        <source>line {line}: &apos;{text}&apos; in column {column} is not a finite number</source>
        <translation>{line}행: {column} 열의 &apos;{text}&apos;은(는) 유한한 수가 아닙니다</translation>
    </message>
    <message>
        <source>line {line}: &apos;{text}&apos; in column {column} is not a number</source>
        <translation>{line}행: {column} 열의 &apos;{text}&apos;은(는) 숫자가 아닙니다</translation>
    </message>
    <message>
        <source>line {line}: the label column {column} is empty</source>
        <translation>{line}행: 레이블 열 {column}이(가) 비어 있습니다</translation>
    </message>
    <message>
        <source>{file}: 1 value cannot be used:</source>
        <translation>{file}: 쓸 수 없는 값이 1개 있습니다:</translation>
    </message>
    <message>
        <source>{file}: {count} values cannot be used:</source>
        <translation>{file}: 쓸 수 없는 값이 {count}개 있습니다:</translation>
    </message>
    <message>
        <source>{file}: the label column {column} has only one class ({label}) — classification needs at least two</source>
        <translation>{file}: 레이블 열 {column}에 클래스가 하나({label})뿐입니다 — 분류에는 클래스가 둘 이상 필요합니다</translation>
    </message>
    <message>
        <source>The download was cancelled.</source>
        <translation>다운로드를 취소했습니다.</translation>
    </message>
    <message>
        <source>{file} from {host} is damaged (its MD5 checksum does not match)</source>
        <translation>{host}에서 받은 {file}이(가) 손상되었습니다 (MD5 체크섬이 맞지 않습니다)</translation>
    </message>
    <message>
        <source>{file} is not a valid gzip file ({error})</source>
        <translation>{file}은(는) 올바른 gzip 파일이 아닙니다 ({error})</translation>
    </message>
    <message>
        <source>{host} answered {code} {reason}</source>
        <translation>{host}이(가) {code} {reason}(으)로 응답했습니다</translation>
    </message>
    <message>
        <source>{host} did not answer within {seconds} s</source>
        <translation>{host}이(가) {seconds}초 안에 응답하지 않았습니다</translation>
    </message>
    <message>
        <source>the connection to {host} broke off ({error})</source>
        <translation>{host}과(와)의 연결이 끊겼습니다 ({error})</translation>
    </message>
    <message>
        <source>no connection to {host} ({error})</source>
        <translation>{host}에 연결할 수 없습니다 ({error})</translation>
    </message>
    <message>
        <source>Name or service not known</source>
        <translation>서버 이름을 찾을 수 없습니다</translation>
    </message>
    <message>
        <source>Temporary failure in name resolution</source>
        <translation>서버 이름을 지금 찾을 수 없습니다</translation>
    </message>
    <message>
        <source>No address associated with hostname</source>
        <translation>서버 이름에 연결된 주소가 없습니다</translation>
    </message>
    <message>
        <source>Connection refused</source>
        <translation>연결이 거부되었습니다</translation>
    </message>
    <message>
        <source>Connection reset by peer</source>
        <translation>상대편이 연결을 끊었습니다</translation>
    </message>
    <message>
        <source>Network is unreachable</source>
        <translation>네트워크에 닿을 수 없습니다</translation>
    </message>
    <message>
        <source>No route to host</source>
        <translation>서버로 가는 경로가 없습니다</translation>
    </message>
    <message>
        <source>Connection timed out</source>
        <translation>연결 시간이 초과되었습니다</translation>
    </message>
    <message>
        <source>[Errno {code}] {reason}</source>
        <translation>[오류 {code}] {reason}</translation>
    </message>
    <message>
        <source>{dataset} could not be downloaded: {problem}. Check the internet connection and try again.</source>
        <translation>{dataset}을(를) 내려받지 못했습니다: {problem}. 인터넷 연결을 확인하고 다시 시도하세요.</translation>
    </message>
    <message>
        <source>The disk is full: there is no room for the download in {folder}. Free some space, or choose a data folder on another disk.</source>
        <translation>디스크가 가득 찼습니다: {folder}에 내려받을 공간이 없습니다. 공간을 비우거나 다른 디스크의 데이터 폴더를 고르세요.</translation>
    </message>
    <message>
        <source>The download cannot be saved in {folder} ({error}). Choose a data folder you can write to.</source>
        <translation>내려받은 파일을 {folder}에 저장할 수 없습니다 ({error}). 쓰기 권한이 있는 데이터 폴더를 고르세요.</translation>
    </message>
    <message>
        <source>T-shirt/top</source>
        <translation>티셔츠/탑</translation>
    </message>
    <message>
        <source>Trouser</source>
        <translation>바지</translation>
    </message>
    <message>
        <source>Pullover</source>
        <translation>풀오버</translation>
    </message>
    <message>
        <source>Dress</source>
        <translation>드레스</translation>
    </message>
    <message>
        <source>Coat</source>
        <translation>코트</translation>
    </message>
    <message>
        <source>Sandal</source>
        <translation>샌들</translation>
    </message>
    <message>
        <source>Shirt</source>
        <translation>셔츠</translation>
    </message>
    <message>
        <source>Sneaker</source>
        <translation>운동화</translation>
    </message>
    <message>
        <source>Bag</source>
        <translation>가방</translation>
    </message>
    <message>
        <source>Ankle boot</source>
        <translation>앵클부츠</translation>
    </message>
    <message>
        <source>The {dataset} files are not in {folder} and could not be downloaded ({reason}). Connect to the internet and try again, or put the IDX files ({files}, optionally .gz) in {folder}, or point NN Playground at a folder that has them with --data-dir or {variable}.</source>
        <translation>{dataset} 파일이 {folder}에 없고 내려받지도 못했습니다 ({reason}). 인터넷에 연결해 다시 시도하거나, IDX 파일({files}, .gz도 됨)을 {folder}에 넣거나, --data-dir 또는 {variable}로 그 파일이 있는 폴더를 NN Playground에 알려 주세요.</translation>
    </message>
    <message>
        <source>The {dataset} files in {folder} cannot be read ({reason}) — they are damaged or incomplete: delete them so they are downloaded again, or replace them with good copies.</source>
        <translation>{folder}의 {dataset} 파일을 읽을 수 없습니다 ({reason}) — 손상되었거나 덜 받아진 파일입니다: 지워서 다시 내려받게 하거나, 온전한 파일로 바꾸세요.</translation>
    </message>
    <message>
        <source>The {dataset} files are not in {folder}.</source>
        <translation>{dataset} 파일이 {folder}에 없습니다.</translation>
    </message>
    <message>
        <source>{archive} in {folder} must be unpacked, but the folder cannot be written to ({error}) — unpack the .gz files there yourself, or copy them to a folder you can write to and point --data-dir or {variable} at it.</source>
        <translation>{folder}의 {archive}을(를) 풀어야 하는데 그 폴더에 쓸 수 없습니다 ({error}) — .gz 파일을 그곳에서 직접 풀거나, 쓸 수 있는 폴더로 복사한 뒤 --data-dir 또는 {variable}로 그 폴더를 알려 주세요.</translation>
    </message>
    <message>
        <source>This model takes {count} numbers as input (a 2-D or table model), not a 28×28 image — train a model on MNIST or FashionMNIST to read drawings.</source>
        <translation>이 모델은 28×28 이미지가 아니라 숫자 {count}개를 입력으로 받습니다 (2차원 또는 표 데이터 모델) — 그림을 읽으려면 MNIST나 FashionMNIST로 모델을 학습하세요.</translation>
    </message>
    <message>
        <source>an unknown shape</source>
        <translation>알 수 없는 모양</translation>
    </message>
    <message>
        <source>This model takes {shape} inputs, not 28×28 grayscale images — train a model on MNIST or FashionMNIST to read drawings.</source>
        <translation>이 모델은 28×28 흑백 이미지가 아니라 {shape} 입력을 받습니다 — 그림을 읽으려면 MNIST나 FashionMNIST로 모델을 학습하세요.</translation>
    </message>
    <message>
        <source>{path} is not a {kind} file</source>
        <translation>{path}은(는) {kind} 파일이 아닙니다</translation>
    </message>
    <message>
        <source>cannot read {path}: {reason}</source>
        <translation>{path}을(를) 읽을 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>There is no bundled model called {name} — the bundled model is bundled:mnist-cnn</source>
        <translation>{name}이라는 내장 모델은 없습니다 — 내장 모델은 bundled:mnist-cnn입니다</translation>
    </message>
    <message>
        <source>No layer of {file} fits this network (a layer takes weights only from one of the same type and shape) — start from a model trained for a similar network, or build the layers it has</source>
        <translation>{file}의 어떤 층도 이 신경망에 맞지 않습니다(층은 종류와 모양이 같은 층에서만 가중치를 받습니다) — 비슷한 신경망으로 학습한 모델에서 시작하거나, 그 모델이 가진 층을 만드세요</translation>
    </message>
</context>
<context>
    <name>DataActions</name>
    <message>
        <source>&amp;Download full datasets ({size} MB)…</source>
        <translation>전체 데이터셋 내려받기({size} MB)(&amp;D)…</translation>
    </message>
    <message>
        <source>All 60,000 training images of MNIST and Fashion-MNIST, instead of the built-in sample</source>
        <translation>내장 샘플 대신 MNIST와 Fashion-MNIST의 학습 이미지 60,000장 전부</translation>
    </message>
    <message>
        <source>&amp;Choose data folder…</source>
        <translation>데이터 폴더 선택(&amp;C)…</translation>
    </message>
    <message>
        <source>Where MNIST and Fashion-MNIST are read from (and downloaded to)</source>
        <translation>MNIST와 Fashion-MNIST를 읽어 오는 (그리고 내려받는) 폴더</translation>
    </message>
    <message>
        <source>&amp;Show data folder</source>
        <translation>데이터 폴더 열기(&amp;S)</translation>
    </message>
    <message>
        <source>Open the data folder in the file manager</source>
        <translation>파일 관리자에서 데이터 폴더를 엽니다</translation>
    </message>
    <message>
        <source>Full datasets downloaded: the next run trains on them.</source>
        <translation>전체 데이터셋을 내려받았습니다. 다음 실행부터 이것으로 학습합니다.</translation>
    </message>
    <message>
        <source>Data folder (holds MNIST/ and FashionMNIST/)</source>
        <translation>데이터 폴더 (MNIST/와 FashionMNIST/가 들어 있는 곳)</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>데이터 폴더</translation>
    </message>
    <message>
        <source>The data folder is set by the environment variable {variable} ({folder}), which wins over this choice. Start the app without {variable} to use {chosen}.</source>
        <translation>데이터 폴더는 환경 변수 {variable}({folder})로 정해져 있고, 이 선택보다 우선합니다. {chosen}을(를) 쓰려면 {variable} 없이 앱을 시작하세요.</translation>
    </message>
    <message>
        <source>Data folder: {folder}</source>
        <translation>데이터 폴더: {folder}</translation>
    </message>
    <message>
        <source>The data folder {folder} cannot be made ({error}). Choose another one in Data → Choose data folder.</source>
        <translation>데이터 폴더 {folder}을(를) 만들 수 없습니다 ({error}). 데이터 → 데이터 폴더 선택에서 다른 폴더를 고르세요.</translation>
    </message>
    <message>
        <source>No file manager could be opened. The data folder is {folder}.</source>
        <translation>파일 관리자를 열 수 없습니다. 데이터 폴더는 {folder}입니다.</translation>
    </message>
</context>
<context>
    <name>DataControls</name>
    <message>
        <source>None</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>Data and training</source>
        <translation>데이터와 학습</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>데이터셋</translation>
    </message>
    <message>
        <source>Noise added to the generated points (0–50%)</source>
        <translation>생성한 점에 더하는 잡음 (0–50%)</translation>
    </message>
    <message>
        <source>Share of the data used for training; the rest is the test data</source>
        <translation>학습에 쓰는 데이터의 비율. 나머지는 테스트 데이터입니다</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>배치 크기</translation>
    </message>
    <message>
        <source>New data</source>
        <translation>새 데이터</translation>
    </message>
    <message>
        <source>New random data (and new starting weights): the next seed</source>
        <translation>새 무작위 데이터 (와 새 초기 가중치): 다음 시드</translation>
    </message>
    <message>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <source>Train on your own CSV file: choose its feature and label columns</source>
        <translation>내 CSV 파일로 학습합니다: 특성 열과 레이블 열을 고르세요</translation>
    </message>
    <message>
        <source>Show test data</source>
        <translation>테스트 데이터 보기</translation>
    </message>
    <message>
        <source>Discretize output</source>
        <translation>출력 이산화</translation>
    </message>
    <message>
        <source>▶ Train</source>
        <translation>▶ 학습</translation>
    </message>
    <message>
        <source>Train (or stop) the current experiment, as the Train button does</source>
        <translation>‘학습’ 버튼처럼 현재 실험을 학습(또는 중지)합니다</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>L1 adds rate·Σ|w| to the loss, L2 adds rate·Σw² (weights only, not biases)</source>
        <translation>L1은 손실에 비율·Σ|w|를, L2는 비율·Σw²를 더합니다 (편향은 빼고 가중치에만)</translation>
    </message>
    <message>
        <source>Regularization</source>
        <translation>규제</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>비율</translation>
    </message>
    <message>
        <source>Your data (CSV)</source>
        <translation>내 데이터 (CSV)</translation>
    </message>
    <message>
        <source>Noise {value}</source>
        <translation>잡음 {value}</translation>
    </message>
    <message>
        <source>Training {percent}%</source>
        <translation>학습 {percent}%</translation>
    </message>
    <message>
        <source>■ Stop</source>
        <translation>■ 중지</translation>
    </message>
    <message>
        <source>Dataset {name}</source>
        <translation>데이터셋 {name}</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>잡음</translation>
    </message>
    <message>
        <source>Train/test ratio</source>
        <translation>학습/테스트 비율</translation>
    </message>
    <message>
        <source>Regenerate data (seed {seed})</source>
        <translation>데이터 새로 만들기 (시드 {seed})</translation>
    </message>
    <message>
        <source>Learning rate {lr}</source>
        <translation>학습률 {lr}</translation>
    </message>
    <message>
        <source>{kind} regularization {rate}</source>
        <translation>{kind} 규제 {rate}</translation>
    </message>
</context>
<context>
    <name>DigitPanel</name>
    <message>
        <source>Bundled model</source>
        <translation>내장 모델</translation>
    </message>
    <message>
        <source>Trained in this window</source>
        <translation>이 창에서 학습한 모델</translation>
    </message>
    <message>
        <source>{file} is blank: no digit found.</source>
        <translation>{file}은(는) 비어 있습니다: 숫자를 찾지 못했습니다.</translation>
    </message>
    <message>
        <source>Stopped run (training not finished)</source>
        <translation>중지한 실행 (학습이 끝나지 않음)</translation>
    </message>
    <message>
        <source>Could not prepare the model: {reason}</source>
        <translation>모델을 준비할 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>Width of the pen in screen pixels</source>
        <translation>펜 굵기 (화면 픽셀)</translation>
    </message>
    <message>
        <source>Undo stroke</source>
        <translation>획 취소</translation>
    </message>
    <message>
        <source>Remove the last stroke (Ctrl+Z on the canvas)</source>
        <translation>마지막 획을 지웁니다 (캔버스에서 Ctrl+Z)</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>지우기</translation>
    </message>
    <message>
        <source>Erase the canvas (Esc)</source>
        <translation>캔버스를 모두 지웁니다 (Esc)</translation>
    </message>
    <message>
        <source>Load model…</source>
        <translation>모델 불러오기…</translation>
    </message>
    <message>
        <source>Read drawings with a checkpoint (.pt) saved by NN Playground</source>
        <translation>NN Playground로 저장한 체크포인트(.pt)로 그림을 읽습니다</translation>
    </message>
    <message>
        <source>Use bundled model</source>
        <translation>내장 모델 사용</translation>
    </message>
    <message>
        <source>Go back to the CNN that ships with the app (99.5% on the MNIST test set)</source>
        <translation>앱에 들어 있는 CNN으로 돌아갑니다 (MNIST 테스트 데이터 정확도 99.5%)</translation>
    </message>
    <message>
        <source>Use your trained model</source>
        <translation>직접 학습한 모델 사용</translation>
    </message>
    <message>
        <source>Go back to the model you trained or loaded in this window</source>
        <translation>이 창에서 학습하거나 불러온 모델로 돌아갑니다</translation>
    </message>
    <message>
        <source>Classify image file…</source>
        <translation>이미지 파일 분류…</translation>
    </message>
    <message>
        <source>Classify a PNG/JPEG of a digit (dark on light or light on dark); you can also drop one on the canvas</source>
        <translation>숫자가 담긴 PNG/JPEG 파일을 분류합니다 (밝은 바탕의 어두운 글씨도, 그 반대도 됩니다). 캔버스에 끌어다 놓아도 됩니다</translation>
    </message>
    <message>
        <source>probability</source>
        <translation>확률</translation>
    </message>
    <message>
        <source>The 28×28 image the network receives: cropped, scaled to 20 pixels and centered on its center of mass, as MNIST&apos;s digits were</source>
        <translation>네트워크가 받는 28×28 이미지: MNIST 숫자처럼 잘라 내고 20픽셀로 줄인 뒤 무게중심에 맞춰 가운데에 놓았습니다</translation>
    </message>
    <message>
        <source>What the network sees (28×28)</source>
        <translation>네트워크가 보는 이미지 (28×28)</translation>
    </message>
    <message>
        <source>Pen {width}px</source>
        <translation>펜 {width}px</translation>
    </message>
    <message>
        <source>Loading the bundled model…</source>
        <translation>내장 모델을 불러오는 중…</translation>
    </message>
    <message>
        <source>Draw</source>
        <translation>그리기</translation>
    </message>
    <message>
        <source>File: {name}</source>
        <translation>파일: {name}</translation>
    </message>
    <message>
        <source>Load model</source>
        <translation>모델 불러오기</translation>
    </message>
    <message>
        <source>NN Playground models (*.pt);;All files (*)</source>
        <translation>NN Playground 모델 (*.pt);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>The canvas keeps using: {model}.</source>
        <translation>캔버스는 계속 다음 모델을 씁니다: {model}.</translation>
    </message>
    <message>
        <source>No model</source>
        <translation>모델 없음</translation>
    </message>
    <message>
        <source>No image model to read drawings with — train one on MNIST or load a model.</source>
        <translation>그림을 읽을 이미지 모델이 없습니다. MNIST로 하나 학습하거나 모델을 불러오세요.</translation>
    </message>
    <message>
        <source>Model: {name}</source>
        <translation>모델: {name}</translation>
    </message>
    <message>
        <source>test accuracy {accuracy}</source>
        <translation>테스트 정확도 {accuracy}</translation>
    </message>
    <message>
        <source>Classify an image</source>
        <translation>이미지 분류</translation>
    </message>
    <message>
        <source>Images ({patterns})</source>
        <translation>이미지 ({patterns})</translation>
    </message>
    <message>
        <source>The model could not read this: {reason}</source>
        <translation>모델이 이 그림을 읽지 못했습니다: {reason}</translation>
    </message>
    <message>
        <source>It&apos;s an {label}  ({confidence})</source>
        <translation>{label}입니다  ({confidence})</translation>
    </message>
    <message>
        <source>It&apos;s a {label}  ({confidence})</source>
        <translation>{label}입니다  ({confidence})</translation>
    </message>
    <message>
        <source>It looks like: {label}  ({confidence})</source>
        <translation>이것 같습니다: {label}  ({confidence})</translation>
    </message>
</context>
<context>
    <name>DownloadDialog</name>
    <message>
        <source>Download full datasets</source>
        <translation>전체 데이터셋 내려받기</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>내려받기</translation>
    </message>
    <message>
        <source>Cancel download</source>
        <translation>내려받기 취소</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Downloads the full {datasets} ({images} training and {test} test images each, about {size} MB) into {folder}. From the next run on, training uses them instead of the built-in sample.</source>
        <translation>전체 {datasets}(각각 학습 이미지 {images}장과 테스트 이미지 {test}장, 약 {size} MB)를 {folder}에 내려받습니다. 다음 실행부터는 내장 샘플 대신 이것으로 학습합니다.</translation>
    </message>
    <message>
        <source>The full MNIST and Fashion-MNIST are already in {folder}.</source>
        <translation>전체 MNIST와 Fashion-MNIST가 이미 {folder}에 있습니다.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>연결하는 중…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>취소하는 중…</translation>
    </message>
    <message>
        <source>{done} of {total} MB</source>
        <translation>{total} MB 중 {done} MB</translation>
    </message>
    <message>
        <source>Downloading…</source>
        <translation>내려받는 중…</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>The full datasets are in {folder}. The next run trains on them.</source>
        <translation>전체 데이터셋이 {folder}에 있습니다. 다음 실행부터 이것으로 학습합니다.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>다시 시도</translation>
    </message>
    <message>
        <source>The download was cancelled; nothing was left behind.</source>
        <translation>내려받기를 취소했습니다. 남은 파일은 없습니다.</translation>
    </message>
</context>
<context>
    <name>DrawingCanvas</name>
    <message>
        <source>Draw a digit with the mouse. Esc clears, Ctrl+Z undoes the last stroke; drop a PNG or JPEG here to classify it.</source>
        <translation>마우스로 숫자를 그려 보세요. Esc는 모두 지우고, Ctrl+Z는 마지막 획을 취소합니다. PNG나 JPEG 파일을 여기에 끌어다 놓으면 분류합니다.</translation>
    </message>
</context>
<context>
    <name>EvaluationView</name>
    <message>
        <source>Train a classifier to see what it gets right and wrong.

After every epoch this tab shows the confusion matrix on the validation set (which true class was taken for which), the accuracy of each class, and the examples the network got most confidently wrong.</source>
        <translation>분류 모델을 학습하면 무엇을 맞히고 무엇을 틀리는지 볼 수 있습니다.

에폭이 끝날 때마다 이 탭은 검증 데이터의 혼동 행렬(어떤 실제 클래스를 어떤 클래스로 착각했는지), 클래스별 정확도, 그리고 네트워크가 가장 확신하며 틀린 샘플을 보여 줍니다.</translation>
    </message>
    <message>
        <source>“{name}” is a regression dataset: the network predicts numbers, not classes, so there is no confusion matrix or per-class accuracy.

Judge a regression model by its loss curves (Runs tab) and, for 1-D or 2-D data, by the fitted curve in the playground.</source>
        <translation>“{name}”은(는) 회귀 데이터셋입니다. 네트워크가 클래스가 아니라 숫자를 예측하므로 혼동 행렬도, 클래스별 정확도도 없습니다.

회귀 모델은 손실 곡선(‘실행 기록’ 탭)으로, 1차원이나 2차원 데이터라면 플레이그라운드의 맞춘 곡선으로 판단하세요.</translation>
    </message>
    <message>
        <source>All {count} mistakes</source>
        <translation>틀린 샘플 {count}개 전부</translation>
    </message>
    <message>
        <source>The {shown} most confident of {count} mistakes</source>
        <translation>틀린 샘플 {count}개 중 가장 확신한 {shown}개</translation>
    </message>
    <message>
        <source>Evaluation failed: {reason}</source>
        <translation>평가에 실패했습니다: {reason}</translation>
    </message>
    <message>
        <source>Test set</source>
        <translation>테스트 데이터</translation>
    </message>
    <message>
        <source>Validation set</source>
        <translation>검증 데이터</translation>
    </message>
    <message>
        <source>after training</source>
        <translation>학습 후</translation>
    </message>
    <message>
        <source>after epoch {epoch} of {epochs}</source>
        <translation>{epochs} 에폭 중 {epoch} 에폭 후</translation>
    </message>
    <message>
        <source>&lt;b&gt;{which} {when}:&lt;/b&gt; {accuracy} correct ({count} examples). Rows are the true class, columns what the network answered; the diagonal is right.</source>
        <translation>&lt;b&gt;{which}, {when}:&lt;/b&gt; 정확도 {accuracy} (샘플 {count}개). 행은 실제 클래스, 열은 네트워크의 답이며, 대각선이 정답입니다.</translation>
    </message>
    <message>
        <source>No mistakes on this set.</source>
        <translation>이 데이터에서는 틀린 것이 없습니다.</translation>
    </message>
    <message>
        <source>{mistakes}, true → predicted, most confident first. Click one to put it on the canvas.</source>
        <translation>{mistakes}, 실제 → 예측, 가장 확신한 순서. 클릭하면 캔버스에 올립니다.</translation>
    </message>
    <message>
        <source>{mistakes}, most confident first.</source>
        <translation>{mistakes}, 가장 확신한 순서.</translation>
    </message>
</context>
<context>
    <name>Experiment</name>
    <message>
        <source>unknown parameter; {layer} takes: {parameters}</source>
        <translation>알 수 없는 설정입니다. {layer}의 설정: {parameters}</translation>
    </message>
    <message>
        <source>unknown parameter; {layer} takes no parameters</source>
        <translation>알 수 없는 설정입니다. {layer}에는 설정이 없습니다</translation>
    </message>
    <message>
        <source>Expecting value</source>
        <translation>값이 있어야 합니다</translation>
    </message>
    <message>
        <source>Expecting property name enclosed in double quotes</source>
        <translation>큰따옴표로 감싼 항목 이름이 있어야 합니다</translation>
    </message>
    <message>
        <source>Expecting &apos;,&apos; delimiter</source>
        <translation>구분 기호 &apos;,&apos;가 있어야 합니다</translation>
    </message>
    <message>
        <source>Expecting &apos;:&apos; delimiter</source>
        <translation>구분 기호 &apos;:&apos;가 있어야 합니다</translation>
    </message>
    <message>
        <source>Unterminated string starting at</source>
        <translation>여기서 시작한 문자열이 닫히지 않았습니다</translation>
    </message>
    <message>
        <source>Extra data</source>
        <translation>JSON 뒤에 남는 내용이 있습니다</translation>
    </message>
    <message>
        <source>Invalid control character at</source>
        <translation>잘못된 제어 문자가 있습니다</translation>
    </message>
    <message>
        <source>Invalid \escape</source>
        <translation>잘못된 \ 이스케이프입니다</translation>
    </message>
    <message>
        <source>Illegal trailing comma before end of object</source>
        <translation>객체 끝 앞에 쉼표가 남았습니다</translation>
    </message>
    <message>
        <source>Illegal trailing comma before end of array</source>
        <translation>목록 끝 앞에 쉼표가 남았습니다</translation>
    </message>
    <message>
        <source>the file is empty; an experiment needs at least a dataset and layers</source>
        <translation>파일이 비어 있습니다. 실험에는 적어도 데이터셋과 층이 있어야 합니다</translation>
    </message>
    <message>
        <source>the file is not valid JSON (line {line}, column {column}: {error})</source>
        <translation>올바른 JSON 파일이 아닙니다 ({line}행 {column}열: {error})</translation>
    </message>
    <message>
        <source>the file is not an experiment: its JSON is nested too deeply</source>
        <translation>실험 파일이 아닙니다. JSON이 너무 깊이 중첩되어 있습니다</translation>
    </message>
    <message>
        <source>missing; choose one of: {choices}</source>
        <translation>없습니다. 다음 중 하나를 고르세요: {choices}</translation>
    </message>
    <message>
        <source>the sequence length T must be from {low} to {high} steps, got {got}</source>
        <translation>시퀀스 길이 T는 {low}에서 {high} 단계 사이여야 하는데 {got}입니다</translation>
    </message>
    <message>
        <source>choose at least one input feature (for example x1)</source>
        <translation>입력 특성을 하나 이상 고르세요 (예: x1)</translation>
    </message>
    <message>
        <source>missing; every layer needs a type such as &quot;Linear&quot;</source>
        <translation>없습니다. 층마다 &quot;Linear&quot; 같은 종류가 있어야 합니다</translation>
    </message>
    <message>
        <source>unknown layer {layer}; known layers are: {layers}</source>
        <translation>알 수 없는 층 {layer}입니다. 쓸 수 있는 층: {layers}</translation>
    </message>
    <message>
        <source>is empty; give the block a name such as &quot;skip1&quot; or leave it out</source>
        <translation>비어 있습니다. 블록에 &quot;skip1&quot; 같은 이름을 주거나 빼세요</translation>
    </message>
    <message>
        <source>expected a list of two numbers such as [0.9, 0.999]</source>
        <translation>[0.9, 0.999]처럼 숫자 두 개의 목록이어야 합니다</translation>
    </message>
    <message>
        <source>Nesterov momentum needs a momentum above 0</source>
        <translation>Nesterov 모멘텀은 모멘텀이 0보다 커야 합니다</translation>
    </message>
    <message>
        <source>this file was written by a newer NN Playground (format {version}; this version reads up to {supported}); update the app to open it</source>
        <translation>더 새로운 NN Playground로 저장한 파일입니다 (형식 {version}, 이 버전은 {supported}까지 읽습니다). 열려면 앱을 업데이트하세요</translation>
    </message>
    <message>
        <source>expected {format}; this is not an NN Playground experiment</source>
        <translation>{format}이어야 합니다. NN Playground 실험 파일이 아닙니다</translation>
    </message>
    <message>
        <source>missing; for example {example}</source>
        <translation>없습니다. 예: {example}</translation>
    </message>
    <message>
        <source>missing; list the network&apos;s layers, for example {example}</source>
        <translation>없습니다. 네트워크의 층을 나열하세요. 예: {example}</translation>
    </message>
    <message>
        <source>layers</source>
        <translation>층</translation>
    </message>
    <message>
        <source>true/false</source>
        <translation>참/거짓</translation>
    </message>
    <message>
        <source>an integer</source>
        <translation>정수</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>숫자</translation>
    </message>
    <message>
        <source>text</source>
        <translation>텍스트</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>목록</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>객체</translation>
    </message>
    <message>
        <source>expected an integer, got {got}</source>
        <translation>정수여야 하는데 {got}입니다</translation>
    </message>
    <message>
        <source>must be at least {minimum}, got {got}</source>
        <translation>{minimum} 이상이어야 하는데 {got}입니다</translation>
    </message>
    <message>
        <source>must be at most {maximum}, got {got}</source>
        <translation>{maximum} 이하여야 하는데 {got}입니다</translation>
    </message>
    <message>
        <source>expected a number, got {got}</source>
        <translation>숫자여야 하는데 {got}입니다</translation>
    </message>
    <message>
        <source>must be a finite number, got a number too large to use</source>
        <translation>유한한 숫자여야 하는데 쓸 수 없을 만큼 큰 숫자입니다</translation>
    </message>
    <message>
        <source>must be a finite number, got {got}</source>
        <translation>유한한 숫자여야 하는데 {got}입니다</translation>
    </message>
    <message>
        <source>must be greater than {minimum}, got {got}</source>
        <translation>{minimum}보다 커야 하는데 {got}입니다</translation>
    </message>
    <message>
        <source>expected true or false, got {got}</source>
        <translation>true 또는 false여야 하는데 {got}입니다</translation>
    </message>
    <message>
        <source>expected text, got {got}</source>
        <translation>텍스트여야 하는데 {got}입니다</translation>
    </message>
    <message>
        <source>unknown value {value}; choose one of: {choices}</source>
        <translation>알 수 없는 값 {value}입니다. 다음 중 하나를 고르세요: {choices}</translation>
    </message>
    <message>
        <source>expected an object, got {got}</source>
        <translation>객체여야 하는데 {got}입니다</translation>
    </message>
    <message>
        <source>expected a list of {items}, got {got}</source>
        <translation>{items} 목록이어야 하는데 {got}입니다</translation>
    </message>
    <message>
        <source>expected a list, got {got}</source>
        <translation>목록이어야 하는데 {got}입니다</translation>
    </message>
    <message>
        <source>unknown field; known fields are: {fields}</source>
        <translation>알 수 없는 항목입니다. 쓸 수 있는 항목: {fields}</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>없습니다</translation>
    </message>
    <message>
        <source>numbers</source>
        <translation>숫자</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>에폭</translation>
    </message>
    <message>
        <source>runs</source>
        <translation>실행 기록</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>ONNX export needs the onnx package — install the onnx extra: pip install nn-playground[onnx]</source>
        <translation>ONNX로 내보내려면 onnx 패키지가 필요합니다. 설치하세요: pip install nn-playground[onnx]</translation>
    </message>
    <message>
        <source>the {format} export does not reproduce the model&apos;s outputs (shape {got} vs {expected}, largest difference {difference})</source>
        <translation>{format}(으)로 내보낸 모델이 원래 모델의 출력을 재현하지 못합니다 (모양 {got} 대 {expected}, 가장 큰 차이 {difference})</translation>
    </message>
</context>
<context>
    <name>FeatureButtons</name>
    <message>
        <source>Features</source>
        <translation>특성</translation>
    </message>
    <message>
        <source>Feed {feature} to the network</source>
        <translation>{feature}을(를) 네트워크에 넣습니다</translation>
    </message>
    <message>
        <source>Use input {feature}</source>
        <translation>입력 {feature} 사용</translation>
    </message>
    <message>
        <source>Drop input {feature}</source>
        <translation>입력 {feature} 빼기</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <source>NN Playground experiments (*.json);;All files (*)</source>
        <translation>NN Playground 실험 (*.json);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>새로 만들기(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>열기(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>저장(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>다른 이름으로 저장(&amp;A)…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>최근 파일 열기(&amp;R)</translation>
    </message>
    <message>
        <source>Save the changes to “{name}” and its training runs before continuing?</source>
        <translation>계속하기 전에 “{name}”의 변경 사항과 학습 실행 기록을 저장할까요?</translation>
    </message>
    <message>
        <source>Save the changes to “{name}” before continuing?</source>
        <translation>계속하기 전에 “{name}”의 변경 사항을 저장할까요?</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>제목 없음</translation>
    </message>
    <message>
        <source>Cannot load preset</source>
        <translation>프리셋을 불러올 수 없음</translation>
    </message>
    <message>
        <source>Preset: {description}</source>
        <translation>프리셋: {description}</translation>
    </message>
    <message>
        <source>Open experiment</source>
        <translation>실험 열기</translation>
    </message>
    <message>
        <source>Field: {field}</source>
        <translation>항목: &quot;{field}&quot;</translation>
    </message>
    <message>
        <source>Cannot open experiment</source>
        <translation>실험을 열 수 없음</translation>
    </message>
    <message>
        <source>{file} cannot be opened.</source>
        <translation>{file}을(를) 열 수 없습니다.</translation>
    </message>
    <message>
        <source>Problem: {problem}</source>
        <translation>문제: {problem}</translation>
    </message>
    <message>
        <source>Opened {path}</source>
        <translation>{path}을(를) 열었습니다</translation>
    </message>
    <message>
        <source>Opened {path} with 1 run</source>
        <translation>{path}을(를) 열었습니다 (실행 기록 1개)</translation>
    </message>
    <message>
        <source>Opened {path} with {count} runs</source>
        <translation>{path}을(를) 열었습니다 (실행 기록 {count}개)</translation>
    </message>
    <message>
        <source>Restore autosaved changes</source>
        <translation>자동 저장된 변경 사항 복원</translation>
    </message>
    <message>
        <source>Restored the changes autosaved at {time}</source>
        <translation>{time}에 자동 저장된 변경 사항을 복원했습니다</translation>
    </message>
    <message>
        <source>Save experiment</source>
        <translation>실험 저장</translation>
    </message>
    <message>
        <source>Cannot save {path}: {reason}</source>
        <translation>{path}을(를) 저장할 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>{path}에 저장했습니다</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(없음)</translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <source>No such file or directory</source>
        <translation>그런 파일이나 폴더가 없습니다</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>권한이 없습니다</translation>
    </message>
    <message>
        <source>Operation not permitted</source>
        <translation>허용되지 않는 작업입니다</translation>
    </message>
    <message>
        <source>File exists</source>
        <translation>같은 이름의 파일이 이미 있습니다</translation>
    </message>
    <message>
        <source>Not a directory</source>
        <translation>폴더가 아닙니다 (경로의 일부가 파일입니다)</translation>
    </message>
    <message>
        <source>Is a directory</source>
        <translation>폴더입니다</translation>
    </message>
    <message>
        <source>No space left on device</source>
        <translation>디스크가 가득 찼습니다</translation>
    </message>
    <message>
        <source>Read-only file system</source>
        <translation>디스크가 읽기 전용입니다</translation>
    </message>
    <message>
        <source>File name too long</source>
        <translation>이름이 너무 깁니다</translation>
    </message>
</context>
<context>
    <name>Graph</name>
    <message>
        <source>{block} is called &quot;input&quot;, the name of the network&apos;s input — give it another id</source>
        <translation>{block}의 id가 네트워크 입력의 이름인 &quot;input&quot;입니다. 다른 id를 붙이세요</translation>
    </message>
    <message>
        <source>{block} and {other} have the same id &quot;{id}&quot; — give one of them another id</source>
        <translation>{block}와(과) {other}의 id가 &quot;{id}&quot;(으)로 같습니다. 둘 중 하나에 다른 id를 붙이세요</translation>
    </message>
    <message>
        <source>{block} joins two or more inputs, but it only reads the block before it — connect a second block to it, or delete it</source>
        <translation>{block}은(는) 두 개 이상의 입력을 합치는데, 바로 앞 블록 하나만 읽습니다. 두 번째 블록을 연결하거나 이 블록을 지우세요</translation>
    </message>
    <message>
        <source>{block} reads from &quot;{id}&quot;, but no block has that id — use one of: {known}</source>
        <translation>{block}이(가) &quot;{id}&quot;에서 읽는데, 그런 id를 가진 블록이 없습니다. 다음 중 하나를 쓰세요: {known}</translation>
    </message>
    <message>
        <source>{block} has no input, so no data reaches it — connect a block to it, or delete it</source>
        <translation>{block}에 입력이 없어서 데이터가 닿지 않습니다. 블록을 연결하거나 이 블록을 지우세요</translation>
    </message>
    <message>
        <source>{block} joins two or more inputs, but it has only one — connect a second block to it, or delete it</source>
        <translation>{block}은(는) 두 개 이상의 입력을 합치는데, 입력이 하나뿐입니다. 두 번째 블록을 연결하거나 이 블록을 지우세요</translation>
    </message>
    <message>
        <source>{block} reads from {count} blocks, but only Add and Concat can join several — put an Add or a Concat before it</source>
        <translation>{block}이(가) 블록 {count}개에서 읽지만, 여러 입력을 합칠 수 있는 것은 Add와 Concat뿐입니다. 앞에 Add나 Concat을 넣으세요</translation>
    </message>
    <message>
        <source>{block}&apos;s output goes nowhere: no block reads it and it is not the last block — connect it to a merge block, or delete it</source>
        <translation>{block}의 출력이 아무 데도 가지 않습니다: 읽는 블록이 없고 마지막 블록도 아닙니다. 합치기 블록에 연결하거나 이 블록을 지우세요</translation>
    </message>
    <message>
        <source>{blocks} form a loop: data would flow in a circle and never reach the output — remove one of their connections</source>
        <translation>{blocks}이(가) 고리를 이룹니다: 데이터가 빙빙 돌기만 하고 출력에 닿지 못합니다. 이 연결 중 하나를 지우세요</translation>
    </message>
    <message>
        <source>{block} has no path from the Input (it is fed by a loop or by a block without input) — connect it to a block that the Input reaches</source>
        <translation>{block}까지 입력에서 이어지는 경로가 없습니다 (고리나 입력 없는 블록에서 데이터를 받습니다). 입력이 닿는 블록에 연결하세요</translation>
    </message>
    <message>
        <source>Nothing can flow into the Input — connect the arrow to a block instead</source>
        <translation>입력으로는 아무것도 들어갈 수 없습니다. 화살표를 블록에 연결하세요</translation>
    </message>
    <message>
        <source>Connecting {src} to {dst} would make a loop: data would flow in a circle — connect it to a block further down instead</source>
        <translation>{src}을(를) {dst}에 연결하면 고리가 생겨 데이터가 빙빙 돕니다. 더 아래쪽 블록에 연결하세요</translation>
    </message>
    <message>
        <source>{src} is already an input of {dst}</source>
        <translation>{src}은(는) 이미 {dst}의 입력입니다</translation>
    </message>
    <message>
        <source>{dst} already reads from {current}; only Add and Concat can join several inputs — insert an Add or a Concat before it and connect to that</source>
        <translation>{dst}은(는) 이미 {current}에서 읽습니다. 여러 입력을 합칠 수 있는 것은 Add와 Concat뿐이니, 그 앞에 Add나 Concat을 넣고 그쪽에 연결하세요</translation>
    </message>
    <message>
        <source>{src} is not an input of {dst}</source>
        <translation>{src}은(는) {dst}의 입력이 아닙니다</translation>
    </message>
    <message>
        <source>{merge} was removed too: without {block} it had only one input left to join</source>
        <translation>{merge}도 함께 지웠습니다: {block}이(가) 없으니 합칠 입력이 하나만 남았습니다</translation>
    </message>
    <message>
        <source>{block} joins several inputs, so a copy of it on its output would join only one — add a new Add or Concat from the palette and connect its inputs instead</source>
        <translation>{block}은(는) 여러 입력을 합치므로, 그 출력에 붙인 복사본은 입력 하나만 합치게 됩니다. 대신 팔레트에서 새 Add나 Concat을 추가하고 입력을 연결하세요</translation>
    </message>
    <message>
        <source>{block} joins several inputs and cannot be moved on its own — connect other blocks to it instead</source>
        <translation>{block}은(는) 여러 입력을 합치므로 혼자 옮길 수 없습니다. 대신 다른 블록들을 여기에 연결하세요</translation>
    </message>
    <message>
        <source>Only a straight run of blocks can be wrapped in a residual block, but {block} does not read the block above it — select blocks that follow one another</source>
        <translation>한 줄로 이어진 블록들만 잔차 블록으로 감쌀 수 있는데, {block}은(는) 바로 위 블록을 읽지 않습니다. 차례로 이어진 블록들을 선택하세요</translation>
    </message>
    <message>
        <source>{block} does not have exactly one input, so the skip connection has nothing to start from — start the residual block at a block with one input</source>
        <translation>{block}의 입력이 정확히 하나가 아니어서 스킵 연결이 시작할 곳이 없습니다. 입력이 하나인 블록에서 잔차 블록을 시작하세요</translation>
    </message>
    <message>
        <source>The shapes around {block} are not known yet — fix the network&apos;s red block first</source>
        <translation>{block} 주변의 모양을 아직 알 수 없습니다. 먼저 네트워크의 빨간 블록을 고치세요</translation>
    </message>
    <message>
        <source>The body turns {inside} into {outside}, and no Linear or 1×1 convolution can bring the skip path from one to the other — choose blocks that keep the kind of shape (image or vector)</source>
        <translation>본체가 {inside}을(를) {outside}(으)로 바꾸는데, Linear나 1×1 합성곱으로는 스킵 경로를 그렇게 바꿀 수 없습니다. 모양의 종류(이미지 또는 벡터)를 유지하는 블록들을 선택하세요</translation>
    </message>
    <message>
        <source>A convolutional residual block needs an image here, but the data is {shape} — put it before Flatten, or use a Linear residual block</source>
        <translation>합성곱 잔차 블록은 이 자리에 이미지가 필요한데 데이터가 {shape}입니다. Flatten 앞에 두거나 Linear 잔차 블록을 쓰세요</translation>
    </message>
    <message>
        <source>A Linear residual block needs a flat vector here, but the data is {shape} — add Flatten before it, or use a convolutional residual block</source>
        <translation>Linear 잔차 블록은 이 자리에 평평한 벡터가 필요한데 데이터가 {shape}입니다. 앞에 Flatten을 넣거나 합성곱 잔차 블록을 쓰세요</translation>
    </message>
</context>
<context>
    <name>GraphEditing</name>
    <message>
        <source>Add a residual block</source>
        <translation>잔차 블록 추가</translation>
    </message>
    <message>
        <source>Add {layer}</source>
        <translation>{layer} 추가</translation>
    </message>
    <message>
        <source>Delete {layer}</source>
        <translation>{layer} 삭제</translation>
    </message>
    <message>
        <source>Delete {count} blocks</source>
        <translation>블록 {count}개 삭제</translation>
    </message>
    <message>
        <source>Delete connection</source>
        <translation>연결 삭제</translation>
    </message>
    <message>
        <source>Duplicate {layer}</source>
        <translation>{layer} 복제</translation>
    </message>
    <message>
        <source>Move {layer} up</source>
        <translation>{layer} 위로 이동</translation>
    </message>
    <message>
        <source>Move {layer} down</source>
        <translation>{layer} 아래로 이동</translation>
    </message>
    <message>
        <source>Wrap in a residual block</source>
        <translation>잔차 블록으로 감싸기</translation>
    </message>
    <message>
        <source>{source} comes after {target}: connecting them would make a loop, and data cannot flow in a circle — connect to a block further down</source>
        <translation>{source}은(는) {target}보다 뒤에 있습니다. 이 둘을 연결하면 고리가 생기는데, 데이터는 빙빙 돌 수 없습니다 — 더 아래에 있는 블록에 연결하세요</translation>
    </message>
    <message>
        <source>{source} is already an input of {target}</source>
        <translation>{source}은(는) 이미 {target}의 입력입니다</translation>
    </message>
    <message>
        <source>Connect {source} to {target}</source>
        <translation>{source}을(를) {target}에 연결</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 그림 (*.svg)</translation>
    </message>
    <message>
        <source>Export network diagram</source>
        <translation>네트워크 그림 내보내기</translation>
    </message>
    <message>
        <source>Could not write {path}: {reason} — choose another folder</source>
        <translation>{path}에 쓸 수 없습니다: {reason} — 다른 폴더를 고르세요</translation>
    </message>
    <message>
        <source>Network diagram saved to {path}</source>
        <translation>네트워크 그림을 {path}에 저장했습니다</translation>
    </message>
</context>
<context>
    <name>GraphicsScene</name>
    <message>
        <source>Export...</source>
        <translation>내보내기…</translation>
    </message>
</context>
<context>
    <name>Health</name>
    <message>
        <source>Gradients vanish: the first layer ({first}) gets a gradient {factor} times smaller than the last ({last}), so the early layers barely learn. Try ReLU instead of Sigmoid/Tanh, BatchNorm, or skip connections.</source>
        <translation>그래디언트 소실: 첫 층({first})의 그래디언트가 마지막 층({last})보다 {factor}배 작아서 앞쪽 층이 거의 학습하지 못합니다. Sigmoid/Tanh 대신 ReLU, BatchNorm, 또는 스킵 연결을 시도하세요.</translation>
    </message>
    <message>
        <source>Gradients explode: the first layer ({first}) gets a gradient {factor} times larger than the last ({last}). Try a lower learning rate, gradient clipping or BatchNorm.</source>
        <translation>그래디언트 폭주: 첫 층({first})의 그래디언트가 마지막 층({last})보다 {factor}배 큽니다. 더 낮은 학습률, 그래디언트 클리핑 또는 BatchNorm을 시도하세요.</translation>
    </message>
    <message>
        <source>Each step changes {layer}&apos;s weights by {ratio} of their size for a whole epoch (about 0.001 is usual): the learning rate is too high. Lower it about ten times.</source>
        <translation>한 에포크 내내 걸음마다 {layer}의 가중치가 그 크기의 {ratio}만큼 바뀝니다(보통은 약 0.001). 학습률이 너무 높습니다. 약 10배 낮추세요.</translation>
    </message>
    <message>
        <source>Each step changes the weights by less than {ratio} of their size for a whole epoch (about 0.001 is usual): the learning rate is too low, or the gradients have vanished. Raise the learning rate about ten times.</source>
        <translation>한 에포크 내내 걸음마다 가중치가 그 크기의 {ratio}보다 적게 바뀝니다(보통은 약 0.001). 학습률이 너무 낮거나 그래디언트가 소실되었습니다. 학습률을 약 10배 높이세요.</translation>
    </message>
    <message>
        <source>{share} of {layer}&apos;s units are dead: zero for every example, so no gradient flows through them. Lower the learning rate, or try LeakyReLU or BatchNorm before it.</source>
        <translation>{layer}의 유닛 중 {share}가 죽었습니다. 모든 예제에서 0이라 그래디언트가 흐르지 않습니다. 학습률을 낮추거나, LeakyReLU 또는 그 앞에 BatchNorm을 시도하세요.</translation>
    </message>
    <message>
        <source>{share} of {layer}&apos;s outputs are saturated (near its limits, where its slope is almost 0), so little gradient passes. Try ReLU, BatchNorm before it, or a lower learning rate.</source>
        <translation>{layer}의 출력 중 {share}가 포화되어(기울기가 거의 0인 한계 근처) 그래디언트가 거의 지나가지 못합니다. ReLU, 그 앞의 BatchNorm, 또는 더 낮은 학습률을 시도하세요.</translation>
    </message>
    <message>
        <source>vanishing</source>
        <translation>소실</translation>
    </message>
    <message>
        <source>weak</source>
        <translation>약함</translation>
    </message>
    <message>
        <source>exploding</source>
        <translation>폭주</translation>
    </message>
    <message>
        <source>large</source>
        <translation>큼</translation>
    </message>
    <message>
        <source>healthy</source>
        <translation>건강함</translation>
    </message>
    <message>
        <source>Gradient norm ‖g‖: {value} ({state})</source>
        <translation>그래디언트 노름 ‖g‖: {value} ({state})</translation>
    </message>
    <message>
        <source>Update ratio ‖Δw‖/‖w‖: {value} (about 0.001 is usual)</source>
        <translation>업데이트 비율 ‖Δw‖/‖w‖: {value} (보통 약 0.001)</translation>
    </message>
    <message>
        <source>Weight norm ‖w‖: {value}</source>
        <translation>가중치 노름 ‖w‖: {value}</translation>
    </message>
    <message>
        <source>Dead units (zero for the whole batch): {share}</source>
        <translation>죽은 유닛 (배치 전체에서 0): {share}</translation>
    </message>
    <message>
        <source>Saturated outputs: {share}</source>
        <translation>포화된 출력: {share}</translation>
    </message>
</context>
<context>
    <name>HealthLegend</name>
    <message>
        <source>Gradient norm on a log scale: turning blue from 10 times smaller than the strongest layer&apos;s (deep blue at {ratio} times), red from 10 up to 1,000.</source>
        <translation>로그 눈금의 그래디언트 노름: 가장 강한 층보다 10배 작을 때부터 파래지고({ratio}배면 진한 파랑), 10부터 1,000까지 빨개집니다.</translation>
    </message>
    <message>
        <source>vanishing</source>
        <translation>소실</translation>
    </message>
    <message>
        <source>exploding</source>
        <translation>폭주</translation>
    </message>
    <message>
        <source>Colour: each layer&apos;s gradient norm (blue: vanishing, green: healthy, red: exploding); the line: its gradient over the run; bars: dead or saturated units.</source>
        <translation>색: 각 층의 그래디언트 노름(파랑: 소실, 초록: 건강, 빨강: 폭주). 선: 학습 동안의 그래디언트. 막대: 죽은 유닛이나 포화된 유닛.</translation>
    </message>
    <message>
        <source>Gradients vanish below layer {n}: try ReLU, BatchNorm or skip connections.</source>
        <translation>{n}번 층부터 아래로 그래디언트가 소실됩니다. ReLU, BatchNorm 또는 스킵 연결을 시도하세요.</translation>
    </message>
    <message>
        <source>Gradients explode at layer {n}: try a lower learning rate or gradient clipping.</source>
        <translation>{n}번 층에서 그래디언트가 폭주합니다. 더 낮은 학습률이나 그래디언트 클리핑을 시도하세요.</translation>
    </message>
    <message>
        <source>Gradients look healthy in every layer.</source>
        <translation>모든 층의 그래디언트가 건강해 보입니다.</translation>
    </message>
    <message>
        <source>Learn more</source>
        <translation>자세히</translation>
    </message>
    <message>
        <source>What is this?</source>
        <translation>이게 뭔가요?</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>F1: more about this in Help → Concepts</source>
        <translation>F1: 도움말 → 개념에서 자세히 보기</translation>
    </message>
</context>
<context>
    <name>HelpActions</name>
    <message>
        <source>&amp;About NN Playground</source>
        <translation>NN Playground 정보(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Concepts</source>
        <translation>개념(&amp;C)</translation>
    </message>
    <message>
        <source>Every block, loss, optimizer and schedule explained, with its formula (F1: the one under the mouse)</source>
        <translation>모든 블록, 손실 함수, 옵티마이저, 학습률 스케줄을 공식과 함께 설명합니다 (F1: 마우스 아래에 있는 것)</translation>
    </message>
    <message>
        <source>&amp;Tutorial: your first network</source>
        <translation>튜토리얼: 나의 첫 네트워크(&amp;T)</translation>
    </message>
    <message>
        <source>Build the seed MLP, train it and draw a digit for it, step by step</source>
        <translation>기본 MLP를 만들고, 학습시키고, 숫자를 그려 보는 과정을 한 단계씩 따라 합니다</translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation>{app} 정보</translation>
    </message>
    <message>
        <source>&lt;p&gt;Build a neural network by clicking, train it live with real PyTorch, and watch it learn.&lt;/p&gt;&lt;p&gt;Made for learners of beginner PyTorch courses: MLPs on MNIST, activations, losses, optimizers, CNNs and RNNs.&lt;/p&gt;</source>
        <translation>&lt;p&gt;클릭만으로 신경망을 만들고, 실제 PyTorch로 학습시키며, 배워 가는 모습을 지켜보세요.&lt;/p&gt;&lt;p&gt;PyTorch 입문 강의를 듣는 학습자를 위해 만들었습니다: MNIST의 MLP, 활성화 함수, 손실 함수, 옵티마이저, CNN과 RNN.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Tutorial</source>
        <translation>튜토리얼</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>시스템 언어</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>The new language is used the next time NN Playground starts.</source>
        <translation>새 언어는 NN Playground를 다음에 시작할 때부터 적용됩니다.</translation>
    </message>
</context>
<context>
    <name>HelpPanel</name>
    <message>
        <source>See also:</source>
        <translation>함께 보기:</translation>
    </message>
    <message>
        <source>Concepts</source>
        <translation>개념</translation>
    </message>
    <message>
        <source>Search: ReLU, learning rate, overfitting…</source>
        <translation>검색: ReLU, 학습률, 과적합…</translation>
    </message>
</context>
<context>
    <name>HiddenLayersEditor</name>
    <message>
        <source>linear</source>
        <translation>선형</translation>
    </message>
    <message>
        <source>Add a hidden layer</source>
        <translation>은닉층 추가</translation>
    </message>
    <message>
        <source>Remove the last hidden layer</source>
        <translation>마지막 은닉층 제거</translation>
    </message>
    <message>
        <source>Not a plain Linear/activation network</source>
        <translation>Linear/활성화 함수만으로 된 네트워크가 아닙니다</translation>
    </message>
    <message>
        <source>{count} hidden layer</source>
        <translation>은닉층 {count}개</translation>
    </message>
    <message>
        <source>{count} hidden layers</source>
        <translation>은닉층 {count}개</translation>
    </message>
    <message>
        <source>One more neuron in hidden layer {number}</source>
        <translation>은닉층 {number}에 뉴런 하나 추가</translation>
    </message>
    <message>
        <source>One neuron fewer in hidden layer {number}</source>
        <translation>은닉층 {number}에서 뉴런 하나 제거</translation>
    </message>
    <message>
        <source>{count} neuron</source>
        <translation>뉴런 {count}개</translation>
    </message>
    <message>
        <source>{count} neurons</source>
        <translation>뉴런 {count}개</translation>
    </message>
    <message>
        <source>Activation of hidden layer {number}</source>
        <translation>은닉층 {number}의 활성화 함수</translation>
    </message>
    <message>
        <source>Add hidden layer</source>
        <translation>은닉층 추가</translation>
    </message>
    <message>
        <source>Remove hidden layer</source>
        <translation>은닉층 제거</translation>
    </message>
    <message>
        <source>Add a neuron in hidden layer {number}</source>
        <translation>은닉층 {number}에 뉴런 추가</translation>
    </message>
    <message>
        <source>Remove a neuron in hidden layer {number}</source>
        <translation>은닉층 {number}에서 뉴런 제거</translation>
    </message>
    <message>
        <source>Hidden layer {number}: {activation}</source>
        <translation>은닉층 {number}: {activation}</translation>
    </message>
</context>
<context>
    <name>InsightViews</name>
    <message>
        <source>Evaluation</source>
        <translation>평가</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>층</translation>
    </message>
    <message>
        <source>One step</source>
        <translation>한 스텝</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>실행 기록</translation>
    </message>
</context>
<context>
    <name>LayerEditor</name>
    <message>
        <source>from {low} to {high}</source>
        <translation>{low}부터 {high}까지</translation>
    </message>
    <message>
        <source>Train this layer</source>
        <translation>이 층 학습</translation>
    </message>
    <message>
        <source>Untick to freeze the layer: its weights (and a BatchNorm&apos;s running statistics) stay as they are while the rest of the network trains — transfer learning keeps pretrained features this way.</source>
        <translation>체크를 해제하면 층이 고정됩니다. 신경망의 나머지가 학습하는 동안 이 층의 가중치(BatchNorm이면 이동 통계도)는 그대로 유지됩니다 — 전이 학습은 이렇게 사전 학습된 특징을 지킵니다.</translation>
    </message>
    <message>
        <source>No layer selected</source>
        <translation>선택한 층 없음</translation>
    </message>
    <message>
        <source>Select a layer in the network to edit its settings.</source>
        <translation>네트워크에서 층을 선택하면 설정을 바꿀 수 있습니다.</translation>
    </message>
    <message>
        <source>This layer has no settings.</source>
        <translation>이 층에는 설정이 없습니다.</translation>
    </message>
    <message>
        <source>{setting} cannot be {value}: it goes {limits}.</source>
        <translation>{setting}은(는) {value}일 수 없습니다: {limits} 사이의 값입니다.</translation>
    </message>
</context>
<context>
    <name>LayerHistogramPanel</name>
    <message>
        <source>count</source>
        <translation>개수</translation>
    </message>
    <message>
        <source>The layer whose weights and gradients are shown</source>
        <translation>가중치와 기울기를 보여 줄 층</translation>
    </message>
    <message>
        <source>Weights and gradients appear when training starts.</source>
        <translation>학습이 시작되면 가중치와 기울기가 나타납니다.</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>가중치</translation>
    </message>
    <message>
        <source>weight value</source>
        <translation>가중치 값</translation>
    </message>
    <message>
        <source>Gradients (last batch)</source>
        <translation>기울기 (마지막 배치)</translation>
    </message>
    <message>
        <source>gradient value</source>
        <translation>기울기 값</translation>
    </message>
    <message>
        <source>before training</source>
        <translation>학습 전</translation>
    </message>
    <message>
        <source>Layer:</source>
        <translation>층:</translation>
    </message>
    <message>
        <source>Weights at initialization</source>
        <translation>초기화 때의 가중치</translation>
    </message>
    <message>
        <source>Weights after epoch {epoch}</source>
        <translation>에포크 {epoch} 뒤의 가중치</translation>
    </message>
    <message>
        <source>Gradients, epoch {epoch}</source>
        <translation>기울기, 에포크 {epoch}</translation>
    </message>
    <message>
        <source>Gradients: after epoch 1</source>
        <translation>기울기: 에포크 1 뒤에</translation>
    </message>
    <message>
        <source>How the weights of the chosen layer are spread (dashed: before training). Training moves and widens them; the gradients of the epoch&apos;s last batch show how hard it pushed each weight — near zero means the layer has almost stopped learning.</source>
        <translation>고른 층의 가중치가 어떻게 퍼져 있는지 보여 줍니다(점선: 학습 전). 학습하면 분포가 움직이고 넓어집니다. 에포크의 마지막 배치의 기울기는 그 배치가 각 가중치를 얼마나 세게 밀었는지 보여 줍니다 — 0에 가까우면 그 층은 거의 배우지 않고 있다는 뜻입니다.</translation>
    </message>
</context>
<context>
    <name>LayerList</name>
    <message>
        <source>Layer</source>
        <translation>층</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>출력</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>파라미터</translation>
    </message>
    <message>
        <source>Gradient</source>
        <translation>그래디언트</translation>
    </message>
    <message>
        <source>While training: the gradient norm and its line over the run; for activations, the share of dead or saturated units</source>
        <translation>학습 중: 그래디언트 노름과 학습 동안의 선. 활성화 층은 죽은 유닛이나 포화된 유닛의 비율</translation>
    </message>
</context>
<context>
    <name>LayerPalette</name>
    <message>
        <source>Click a block to add it at the end, or drag it onto an arrow of the network.</source>
        <translation>블록을 클릭하면 맨 끝에 추가되고, 네트워크의 화살표 위로 끌어다 놓으면 그 자리에 들어갑니다.</translation>
    </message>
</context>
<context>
    <name>LayerView</name>
    <message>
        <source>Filters</source>
        <translation>필터</translation>
    </message>
    <message>
        <source>Each square is one learned filter (red: positive weight, blue: negative). Training turns random noise into stroke and edge detectors.</source>
        <translation>네모 하나가 학습된 필터 하나입니다 (빨강: 양의 가중치, 파랑: 음의 가중치). 학습하면서 무작위 잡음이 획과 모서리를 찾는 검출기로 바뀝니다.</translation>
    </message>
    <message>
        <source>Activations for the digit on the canvas</source>
        <translation>캔버스에 그린 숫자에 대한 활성화</translation>
    </message>
    <message>
        <source>Layer statistics failed: {reason}</source>
        <translation>층 통계를 구하지 못했습니다: {reason}</translation>
    </message>
    <message>
        <source>Filters of {layer} at initialization</source>
        <translation>초기화 직후 {layer}의 필터</translation>
    </message>
    <message>
        <source>Filters of {layer} after epoch {epoch}</source>
        <translation>{epoch} 에폭 후 {layer}의 필터</translation>
    </message>
</context>
<context>
    <name>LinePlot</name>
    <message>
        <source>y = w·x + b,  w = {w},  b = {b},  {loss_name} = {loss}</source>
        <translation>y = w·x + b,  w = {w},  b = {b},  {loss_name} = {loss}</translation>
    </message>
</context>
<context>
    <name>LossPlot</name>
    <message>
        <source>Loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>배치</translation>
    </message>
    <message>
        <source>batch loss</source>
        <translation>배치 손실</translation>
    </message>
    <message>
        <source>smoothed</source>
        <translation>평활화</translation>
    </message>
    <message>
        <source>validation loss (per epoch)</source>
        <translation>검증 손실 (에폭마다)</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>learning rate (right axis)</source>
        <translation>학습률 (오른쪽 축)</translation>
    </message>
    <message>
        <source>Export loss as CSV</source>
        <translation>손실을 CSV로 내보내기</translation>
    </message>
    <message>
        <source>Export loss plot as PNG</source>
        <translation>손실 그래프를 PNG로 내보내기</translation>
    </message>
</context>
<context>
    <name>LossSurfaceView</name>
    <message>
        <source>Last step: ∂{loss_name}/∂w = {gw}, ∂{loss_name}/∂b = {gb}; w ← w − η·∂{loss_name}/∂w, b ← b − η·∂{loss_name}/∂b with η = {lr}</source>
        <translation>마지막 한 걸음: ∂{loss_name}/∂w = {gw}, ∂{loss_name}/∂b = {gb}; η = {lr}로 w ← w − η·∂{loss_name}/∂w, b ← b − η·∂{loss_name}/∂b</translation>
    </message>
    <message>
        <source>{loss_name} over (w, b); ★ least squares: w = {w}, b = {b}, {loss_name} = {loss}</source>
        <translation>(w, b)에 따른 {loss_name}; ★ 최소제곱: w = {w}, b = {b}, {loss_name} = {loss}</translation>
    </message>
    <message>
        <source>Gradient descent path: {count} steps</source>
        <translation>경사 하강 경로: {count}걸음</translation>
    </message>
    <message>
        <source>η = {lr} is above {limit}, the most this bowl allows: every step overshoots further than the last and the path runs off the map.</source>
        <translation>η = {lr}은(는) 이 그릇이 허용하는 최댓값 {limit}보다 큽니다: 걸음마다 지난번보다 더 멀리 넘어가서 경로가 지도 밖으로 달아납니다.</translation>
    </message>
    <message>
        <source>This optimizer is not plain gradient descent on all the points (momentum, Adam, smaller batches or a penalty): its path is its own.</source>
        <translation>이 옵티마이저는 모든 점에 대한 단순 경사 하강이 아닙니다(모멘텀, Adam, 더 작은 배치 또는 페널티): 경로도 그만의 것입니다.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Training</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>층</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>네트워크</translation>
    </message>
    <message>
        <source>Show PyTorch &amp;code…</source>
        <translation>PyTorch 코드 보기(&amp;C)…</translation>
    </message>
    <message>
        <source>The current experiment as a standalone PyTorch script</source>
        <translation>현재 실험을 독립 실행 PyTorch 스크립트로 보여 줍니다</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>실행 취소(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>다시 실행(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Delete layer</source>
        <translation>층 삭제(&amp;D)</translation>
    </message>
    <message>
        <source>Remove the selected layer (Del)</source>
        <translation>선택한 층을 지웁니다 (Del)</translation>
    </message>
    <message>
        <source>D&amp;uplicate layer</source>
        <translation>층 복제(&amp;U)</translation>
    </message>
    <message>
        <source>Insert a copy of the selected layer below it (Ctrl+D)</source>
        <translation>선택한 층의 복사본을 바로 아래에 넣습니다 (Ctrl+D)</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>위로 이동(&amp;U)</translation>
    </message>
    <message>
        <source>Move the selected layer up (Ctrl+Up)</source>
        <translation>선택한 층을 위로 옮깁니다 (Ctrl+Up)</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>아래로 이동(&amp;W)</translation>
    </message>
    <message>
        <source>Move the selected layer down (Ctrl+Down)</source>
        <translation>선택한 층을 아래로 옮깁니다 (Ctrl+Down)</translation>
    </message>
    <message>
        <source>▲ Up</source>
        <translation>▲ 위로</translation>
    </message>
    <message>
        <source>▼ Down</source>
        <translation>▼ 아래로</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>복제</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>내보내기(&amp;X)</translation>
    </message>
    <message>
        <source>Network &amp;diagram…</source>
        <translation>네트워크 그림(&amp;D)…</translation>
    </message>
    <message>
        <source>The network&apos;s picture as PNG or SVG, for slides and homework</source>
        <translation>네트워크 그림을 PNG나 SVG로 — 발표 자료와 과제용</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Data</source>
        <translation>데이터(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Presets</source>
        <translation>프리셋(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>Show &amp;tab</source>
        <translation>탭 보기(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>PyTorch is still loading…</source>
        <translation>PyTorch를 아직 불러오는 중입니다…</translation>
    </message>
    <message>
        <source>&amp;Undo {edit}</source>
        <translation>실행 취소(&amp;U) {edit}</translation>
    </message>
    <message>
        <source>&amp;Redo {edit}</source>
        <translation>다시 실행(&amp;R) {edit}</translation>
    </message>
    <message>
        <source>Set {layer} {setting}</source>
        <translation>{layer} {setting} 변경</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>준비됨</translation>
    </message>
    <message>
        <source>Use the stopped run&apos;s model instead</source>
        <translation>대신 중지한 실행의 모델 사용</translation>
    </message>
</context>
<context>
    <name>MetricsPlot</name>
    <message>
        <source>epoch</source>
        <translation>에폭</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>검증</translation>
    </message>
    <message>
        <source>training (during the epoch)</source>
        <translation>학습 (에폭 도중)</translation>
    </message>
    <message>
        <source>before training</source>
        <translation>학습 전</translation>
    </message>
    <message>
        <source>Accuracy per epoch</source>
        <translation>에폭별 정확도</translation>
    </message>
    <message>
        <source>Validation loss per epoch</source>
        <translation>에폭별 검증 손실</translation>
    </message>
    <message>
        <source>accuracy (%)</source>
        <translation>정확도 (%)</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>before training: {accuracy}</source>
        <translation>학습 전: {accuracy}</translation>
    </message>
    <message>
        <source>Export metrics as CSV</source>
        <translation>지표를 CSV로 내보내기</translation>
    </message>
    <message>
        <source>Export metrics plot as PNG</source>
        <translation>지표 그래프를 PNG로 내보내기</translation>
    </message>
</context>
<context>
    <name>MistakeGallery</name>
    <message>
        <source>True class: {true}
Predicted: {predicted} ({confidence} sure)</source>
        <translation>실제 클래스: {true}
예측: {predicted} (확신도 {confidence})</translation>
    </message>
    <message>
        <source>Click to put it on the canvas</source>
        <translation>클릭하면 캔버스에 올립니다</translation>
    </message>
</context>
<context>
    <name>ModelActions</name>
    <message>
        <source>PyTorch checkpoints (*.pt);;All files (*)</source>
        <translation>PyTorch 체크포인트 (*.pt);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Save &amp;trained model…</source>
        <translation>학습된 모델 저장(&amp;T)…</translation>
    </message>
    <message>
        <source>Write the trained weights to a .pt checkpoint</source>
        <translation>학습된 가중치를 .pt 체크포인트로 저장합니다</translation>
    </message>
    <message>
        <source>&amp;Load model…</source>
        <translation>모델 불러오기(&amp;L)…</translation>
    </message>
    <message>
        <source>Open a checkpoint saved by NN Playground</source>
        <translation>NN Playground로 저장한 체크포인트를 엽니다</translation>
    </message>
    <message>
        <source>Export trained model as &amp;TorchScript…</source>
        <translation>학습된 모델을 TorchScript로 내보내기(&amp;T)…</translation>
    </message>
    <message>
        <source>A .pt file that torch.jit.load runs without NN Playground</source>
        <translation>NN Playground 없이 torch.jit.load로 실행할 수 있는 .pt 파일</translation>
    </message>
    <message>
        <source>Export trained model as &amp;ONNX…</source>
        <translation>학습된 모델을 ONNX로 내보내기(&amp;O)…</translation>
    </message>
    <message>
        <source>An .onnx file for other runtimes (needs the onnx package)</source>
        <translation>다른 런타임에서 쓰는 .onnx 파일 (onnx 패키지 필요)</translation>
    </message>
    <message>
        <source>Use the &amp;stopped run&apos;s model</source>
        <translation>중지한 실행의 모델 사용(&amp;S)</translation>
    </message>
    <message>
        <source>Read drawings and save with the model of the run you stopped, instead of the finished one</source>
        <translation>끝까지 학습한 모델 대신 중지한 실행의 모델로 그림을 읽고 저장합니다</translation>
    </message>
    <message>
        <source>The canvas keeps the model that finished training (test accuracy {accuracy}).</source>
        <translation>캔버스는 학습을 마친 모델(테스트 정확도 {accuracy})을 계속 씁니다.</translation>
    </message>
    <message>
        <source>The canvas keeps the model it had.</source>
        <translation>캔버스는 쓰던 모델을 계속 씁니다.</translation>
    </message>
    <message>
        <source>Using the stopped run&apos;s model</source>
        <translation>중지한 실행의 모델을 사용합니다</translation>
    </message>
    <message>
        <source>Save trained model</source>
        <translation>학습된 모델 저장</translation>
    </message>
    <message>
        <source>Cannot save the model to {path}: {reason}</source>
        <translation>모델을 {path}에 저장할 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>Saved the trained model to {path}</source>
        <translation>학습된 모델을 {path}에 저장했습니다</translation>
    </message>
    <message>
        <source>Load model</source>
        <translation>모델 불러오기</translation>
    </message>
    <message>
        <source>Cannot load model</source>
        <translation>모델을 불러올 수 없음</translation>
    </message>
    <message>
        <source>Loaded {file}: {name} (validation accuracy {accuracy})</source>
        <translation>{file}을(를) 불러왔습니다: {name} (검증 정확도 {accuracy})</translation>
    </message>
    <message>
        <source>Loaded {file}: {name}</source>
        <translation>{file}을(를) 불러왔습니다: {name}</translation>
    </message>
    <message>
        <source>ONNX export</source>
        <translation>ONNX 내보내기</translation>
    </message>
    <message>
        <source>ONNX export needs the onnx package. Install it with

    pip install &quot;nn-playground[onnx]&quot;

and restart the app.</source>
        <translation>ONNX로 내보내려면 onnx 패키지가 필요합니다. 다음 명령으로 설치한 뒤

    pip install &quot;nn-playground[onnx]&quot;

앱을 다시 시작하세요.</translation>
    </message>
    <message>
        <source>ONNX models (*.onnx)</source>
        <translation>ONNX 모델 (*.onnx)</translation>
    </message>
    <message>
        <source>TorchScript (*.pt)</source>
        <translation>TorchScript (*.pt)</translation>
    </message>
    <message>
        <source>Export trained model</source>
        <translation>학습된 모델 내보내기</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>모든 파일 (*)</translation>
    </message>
    <message>
        <source>The export stopped with an unexpected error: {error}</source>
        <translation>예상하지 못한 오류로 내보내기가 멈췄습니다: {error}</translation>
    </message>
    <message>
        <source>Exporting the trained model to {path}…</source>
        <translation>학습된 모델을 {path}(으)로 내보내는 중…</translation>
    </message>
    <message>
        <source>Exported the trained model to {path}</source>
        <translation>학습된 모델을 {path}(으)로 내보냈습니다</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>내보내기 실패</translation>
    </message>
    <message>
        <source>Cannot export the model</source>
        <translation>모델을 내보낼 수 없음</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}</source>
        <translation>{path}에 쓸 수 없습니다: {reason}</translation>
    </message>
</context>
<context>
    <name>NetworkDiagram</name>
    <message>
        <source>Choose a 2-D dataset and a network of Linear layers and activations to see it drawn here.</source>
        <translation>2차원 데이터셋과 Linear 층·활성화 함수로 된 네트워크를 고르면 여기에 그려집니다.</translation>
    </message>
    <message>
        <source>Weight {weight}
from {source}
to {target}</source>
        <translation>가중치 {weight}
{source}에서
{target}(으)로</translation>
    </message>
    <message>
        <source>input {name}</source>
        <translation>입력 {name}</translation>
    </message>
    <message>
        <source>output {name}</source>
        <translation>출력 {name}</translation>
    </message>
    <message>
        <source>neuron {number} of hidden layer {layer}</source>
        <translation>은닉층 {layer}의 뉴런 {number}</translation>
    </message>
    <message>
        <source>bias {value}</source>
        <translation>편향 {value}</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>입력</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>출력</translation>
    </message>
</context>
<context>
    <name>NetworkGraph</name>
    <message>
        <source>Zoom in</source>
        <translation>확대</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>축소</translation>
    </message>
    <message>
        <source>Fit to view</source>
        <translation>화면에 맞추기</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++, or the mouse wheel)</source>
        <translation>확대 (Ctrl++ 또는 마우스 휠)</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+−, or the mouse wheel)</source>
        <translation>축소 (Ctrl+− 또는 마우스 휠)</translation>
    </message>
    <message>
        <source>Show the whole network (Ctrl+0)</source>
        <translation>네트워크 전체 보기 (Ctrl+0)</translation>
    </message>
    <message>
        <source>Drop on the top of an Add or Concat block to join the two paths</source>
        <translation>두 경로를 합치려면 Add나 Concat 블록의 위쪽에 놓으세요</translation>
    </message>
    <message>
        <source>Only merge blocks (Add, Concat) take a second input — add one from the palette&apos;s Merge group, then connect to it</source>
        <translation>두 번째 입력은 합치기 블록(Add, Concat)만 받습니다 — 팔레트의 합치기 묶음에서 하나를 추가한 뒤 거기에 연결하세요</translation>
    </message>
    <message>
        <source>A block cannot read its own output</source>
        <translation>블록은 자기 자신의 출력을 읽을 수 없습니다</translation>
    </message>
    <message>
        <source>Delete connection</source>
        <translation>연결 삭제</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>복제</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Insert before</source>
        <translation>앞에 삽입</translation>
    </message>
    <message>
        <source>Insert after</source>
        <translation>뒤에 삽입</translation>
    </message>
    <message>
        <source>Wrap in a residual block</source>
        <translation>잔차 블록으로 감싸기</translation>
    </message>
    <message>
        <source>Add a skip connection around this block: its input is added to its output</source>
        <translation>이 블록을 건너뛰는 연결을 추가합니다: 블록의 입력이 출력에 더해집니다</translation>
    </message>
</context>
<context>
    <name>NetworkScene</name>
    <message>
        <source>{units} units</source>
        <translation>유닛 {units}개</translation>
    </message>
    <message>
        <source>{filters} filters, {k}×{k}</source>
        <translation>필터 {filters}개, {k}×{k}</translation>
    </message>
    <message>
        <source>, stride {stride}</source>
        <translation>, 보폭 {stride}</translation>
    </message>
    <message>
        <source>hidden {size}</source>
        <translation>은닉 {size}</translation>
    </message>
    <message>
        <source>→ {shape} · {count} parameters</source>
        <translation>→ {shape} · 파라미터 {count}개</translation>
    </message>
    <message>
        <source>{detail} · frozen</source>
        <translation>{detail} · 고정됨</translation>
    </message>
    <message>
        <source>Drag to move · drag from the bottom port to a merge block to connect · right-click for more</source>
        <translation>끌어서 옮기기 · 아래쪽 포트에서 합치기 블록으로 끌어 연결 · 오른쪽 클릭으로 더 보기</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>입력</translation>
    </message>
    <message>
        <source>The network&apos;s input: {dataset}, each sample {shape}</source>
        <translation>네트워크의 입력: {dataset}, 샘플 하나가 {shape}</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>출력</translation>
    </message>
    <message>
        <source>{shape} from {source} to {target}</source>
        <translation>{source}에서 {target}(으)로 가는 {shape}</translation>
    </message>
    <message>
        <source>Select and press Delete to remove this connection</source>
        <translation>선택하고 Delete 키를 누르면 이 연결이 지워집니다</translation>
    </message>
</context>
<context>
    <name>NetworkView</name>
    <message>
        <source>Training — the network is locked until the run ends. Stop to edit.</source>
        <translation>학습 중 — 학습이 끝날 때까지 네트워크를 바꿀 수 없습니다. 바꾸려면 중지하세요.</translation>
    </message>
    <message>
        <source>Graph</source>
        <translation>그래프</translation>
    </message>
    <message>
        <source>The network as blocks and arrows: drag palette blocks onto an arrow, connect blocks, right-click a block for more</source>
        <translation>네트워크를 블록과 화살표로 봅니다: 팔레트 블록을 화살표 위로 끌어 놓고, 블록을 서로 연결하고, 블록을 오른쪽 클릭하면 더 많은 기능이 있습니다</translation>
    </message>
    <message>
        <source>List</source>
        <translation>목록</translation>
    </message>
    <message>
        <source>The network as a compact table of layers</source>
        <translation>네트워크를 층의 간단한 표로 봅니다</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>맞춤</translation>
    </message>
    <message>
        <source>Train this layer</source>
        <translation>이 층 학습</translation>
    </message>
    <message>
        <source>Freeze up to here</source>
        <translation>여기까지 고정</translation>
    </message>
    <message>
        <source>Layers 1 to {row} keep their weights while training; the rest learn</source>
        <translation>1~{row}번 층은 학습 중 가중치를 유지하고, 나머지가 학습합니다</translation>
    </message>
    <message>
        <source>Unfreeze all</source>
        <translation>모두 고정 해제</translation>
    </message>
    <message>
        <source>Replace the head</source>
        <translation>헤드 교체</translation>
    </message>
    <message>
        <source>Make the last Linear layer fit this dataset&apos;s classes, learning from a fresh start</source>
        <translation>마지막 Linear 층을 이 데이터셋의 클래스 수에 맞추고 새로 시작해 학습합니다</translation>
    </message>
    <message>
        <source>Frozen: this layer keeps its weights (and a BatchNorm its statistics) while the rest trains. Right-click → Unfreeze all, or tick Train this layer.</source>
        <translation>고정됨: 나머지가 학습하는 동안 이 층은 가중치(BatchNorm이면 통계도)를 유지합니다. 오른쪽 클릭 → 모두 고정 해제, 또는 &apos;이 층 학습&apos;을 체크하세요.</translation>
    </message>
    <message>
        <source>Input: {dataset} (loading PyTorch…)</source>
        <translation>입력: {dataset} (PyTorch 불러오는 중…)</translation>
    </message>
    <message>
        <source>Input: {shape} — {dataset}</source>
        <translation>입력: {shape} — {dataset}</translation>
    </message>
    <message>
        <source>Input: {shape}</source>
        <translation>입력: {shape}</translation>
    </message>
    <message>
        <source>Total: {trainable} trainable, {frozen} frozen parameters</source>
        <translation>합계: 학습 파라미터 {trainable}개, 고정 파라미터 {frozen}개</translation>
    </message>
    <message>
        <source>Total: {count} trainable parameters</source>
        <translation>전체: 학습 가능한 파라미터 {count}개</translation>
    </message>
    <message>
        <source>{count} classes</source>
        <translation>클래스 {count}개</translation>
    </message>
    <message>
        <source>1 number (regression)</source>
        <translation>수 1개 (회귀)</translation>
    </message>
    <message>
        <source>{count} numbers (regression)</source>
        <translation>수 {count}개 (회귀)</translation>
    </message>
    <message>
        <source>Add {layer} there</source>
        <translation>그 자리에 {layer} 추가</translation>
    </message>
</context>
<context>
    <name>OutputPanel</name>
    <message>
        <source>Output</source>
        <translation>출력</translation>
    </message>
    <message>
        <source>Training loss {loss}</source>
        <translation>학습 손실 {loss}</translation>
    </message>
    <message>
        <source>Test loss {loss}</source>
        <translation>테스트 손실 {loss}</translation>
    </message>
    <message>
        <source>class 0 / negative</source>
        <translation>클래스 0 / 음수</translation>
    </message>
    <message>
        <source>class 1 / positive</source>
        <translation>클래스 1 / 양수</translation>
    </message>
    <message>
        <source>y = w·x + b with  w = {w},  b = {b}</source>
        <translation>y = w·x + b,  w = {w},  b = {b}</translation>
    </message>
</context>
<context>
    <name>PaceControl</name>
    <message>
        <source>full</source>
        <translation>최고 속도</translation>
    </message>
    <message>
        <source>watch (≈ 20 batches a second)</source>
        <translation>지켜보기 (초당 약 20 배치)</translation>
    </message>
    <message>
        <source>As fast as this computer trains</source>
        <translation>이 컴퓨터가 학습할 수 있는 만큼 빠르게</translation>
    </message>
    <message>
        <source>Slow enough to see the loss move batch by batch, and to press Pause, Step or Stop in time</source>
        <translation>손실이 배치마다 움직이는 것을 보고, 일시정지·한 스텝·중지를 제때 누를 수 있을 만큼 천천히</translation>
    </message>
    <message>
        <source>How fast training runs; you can change it during a run</source>
        <translation>학습 속도입니다. 학습 중에도 바꿀 수 있습니다</translation>
    </message>
    <message>
        <source>Speed:</source>
        <translation>속도:</translation>
    </message>
</context>
<context>
    <name>PaletteBlock</name>
    <message>
        <source>Residual block</source>
        <translation>잔차 블록</translation>
    </message>
    <message>
        <source>A body (Linear → ReLU → Linear, or two 3×3 convolutions for images) and an Add that sums its output with its input: the skip connection of ResNet.</source>
        <translation>본체(Linear → ReLU → Linear, 이미지라면 3×3 합성곱 두 개)와, 본체의 출력에 입력을 더하는 Add: ResNet의 건너뛰기 연결입니다.</translation>
    </message>
    <message>
        <source>Click to add at the end, or drag into the network.</source>
        <translation>클릭하면 맨 끝에 추가되고, 네트워크로 끌어다 놓을 수도 있습니다.</translation>
    </message>
</context>
<context>
    <name>Playground2DPanel</name>
    <message>
        <source>This network is not a plain stack of Linear layers and activations, so it is not drawn here. Edit it in the network view, or open the Spiral preset for a TensorFlow-Playground network.</source>
        <translation>이 네트워크는 Linear 층과 활성화 함수만 쌓은 구조가 아니어서 여기에 그리지 않습니다. 네트워크 보기에서 고치거나, TensorFlow Playground 같은 네트워크를 원하면 ‘나선’ 프리셋을 여세요.</translation>
    </message>
    <message>
        <source>The 2-D playground draws 2-D and 1-D data. Choose one of its datasets above, or import a CSV file with one or two feature columns.</source>
        <translation>2차원 플레이그라운드는 2차원과 1차원 데이터를 그립니다. 위에서 데이터셋을 고르거나, 특성 열이 한두 개인 CSV 파일을 가져오세요.</translation>
    </message>
    <message>
        <source>value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>orange</source>
        <translation>주황</translation>
    </message>
    <message>
        <source>blue</source>
        <translation>파랑</translation>
    </message>
    <message>
        <source>The loss surface could not be drawn: {reason}</source>
        <translation>손실 곡면을 그리지 못했습니다: {reason}</translation>
    </message>
    <message>
        <source>The 2-D view could not draw this run: {reason}</source>
        <translation>2차원 보기가 이 실행을 그리지 못했습니다: {reason}</translation>
    </message>
    <message>
        <source>Import {file}</source>
        <translation>{file} 가져오기</translation>
    </message>
    <message>
        <source>2-D</source>
        <translation>2차원</translation>
    </message>
    <message>
        <source>2-D playground</source>
        <translation>2차원 플레이그라운드</translation>
    </message>
</context>
<context>
    <name>Plots</name>
    <message>
        <source>Export PNG…</source>
        <translation>PNG로 내보내기…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV로 내보내기…</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>내보내기 실패</translation>
    </message>
    <message>
        <source>Could not write {path}: {reason}</source>
        <translation>{path}에 쓸 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 파일 (*.csv)</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
</context>
<context>
    <name>Presets</name>
    <message>
        <source>unknown preset {name}; available presets: {presets}</source>
        <translation>{name}(이)라는 프리셋은 없습니다. 쓸 수 있는 프리셋: {presets}</translation>
    </message>
    <message>
        <source>preset {name} is invalid: {problem}</source>
        <translation>프리셋 {name}이(가) 손상되었습니다: {problem}</translation>
    </message>
</context>
<context>
    <name>RunsView</name>
    <message>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>네트워크</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>옵티마이저</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>배치</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>에폭</translation>
    </message>
    <message>
        <source>Val. accuracy</source>
        <translation>검증 정확도</translation>
    </message>
    <message>
        <source>Val. loss</source>
        <translation>검증 손실</translation>
    </message>
    <message>
        <source>Test accuracy</source>
        <translation>테스트 정확도</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>시간</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>중지됨</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>검증</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>Per-batch loss</source>
        <translation>배치별 손실</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds}초</translation>
    </message>
    <message>
        <source>{minutes} min {seconds} s</source>
        <translation>{minutes}분 {seconds}초</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>에폭</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>이름 바꾸기</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV로 내보내기…</translation>
    </message>
    <message>
        <source>Which numbers to draw for each ticked run</source>
        <translation>선택한 실행마다 어떤 값을 그릴지</translation>
    </message>
    <message>
        <source>Curves:</source>
        <translation>곡선:</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <source>accuracy %</source>
        <translation>정확도 %</translation>
    </message>
    <message>
        <source>The run could not be recorded: {reason}</source>
        <translation>이 실행을 기록하지 못했습니다: {reason}</translation>
    </message>
    <message>
        <source>Run {number}</source>
        <translation>실행 {number}</translation>
    </message>
    <message>
        <source>Tick to draw this run&apos;s curves; double-click to rename</source>
        <translation>체크하면 이 실행의 곡선을 그립니다. 두 번 클릭하면 이름을 바꿉니다</translation>
    </message>
    <message>
        <source>Every run of this session. Tick runs to compare their curves.</source>
        <translation>이번 세션의 모든 실행입니다. 체크해서 곡선을 비교해 보세요.</translation>
    </message>
    <message>
        <source>No runs yet: each training run of this session will be listed here.</source>
        <translation>아직 실행이 없습니다. 이번 세션에서 학습할 때마다 여기에 기록됩니다.</translation>
    </message>
    <message>
        <source>Delete runs</source>
        <translation>실행 삭제</translation>
    </message>
    <message>
        <source>Delete {names} from this project?</source>
        <translation>이 프로젝트에서 {names}을(를) 삭제할까요?</translation>
    </message>
    <message>
        <source>Export run metrics</source>
        <translation>실행 지표 내보내기</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 파일 (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>내보내기 실패</translation>
    </message>
    <message>
        <source>Could not write {path}: {reason}</source>
        <translation>{path}에 쓸 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>% of the run (the runs differ in length)</source>
        <translation>실행 진행률 % (실행마다 길이가 다름)</translation>
    </message>
    <message>
        <source>Loss per batch</source>
        <translation>배치별 손실</translation>
    </message>
    <message>
        <source>Loss (training)</source>
        <translation>손실 (학습)</translation>
    </message>
    <message>
        <source>Loss (validation)</source>
        <translation>손실 (검증)</translation>
    </message>
    <message>
        <source>Accuracy (training)</source>
        <translation>정확도 (학습)</translation>
    </message>
    <message>
        <source>Accuracy (validation)</source>
        <translation>정확도 (검증)</translation>
    </message>
</context>
<context>
    <name>SampleBanner</name>
    <message>
        <source>Download full datasets…</source>
        <translation>전체 데이터셋 내려받기…</translation>
    </message>
    <message>
        <source>Training on the built-in {count}-image sample of {dataset} — Data → Download full datasets for all {full}</source>
        <translation>{dataset}의 내장 샘플 {count}장으로 학습합니다 — 전체 {full}장은 데이터 → 전체 데이터셋 내려받기에서 받으세요</translation>
    </message>
    <message>
        <source>The full set is not in {folder} and could not be downloaded.</source>
        <translation>전체 데이터가 {folder}에 없고, 내려받지도 못했습니다.</translation>
    </message>
</context>
<context>
    <name>ScheduleGroup</name>
    <message>
        <source>Learning rate over the run</source>
        <translation>학습 전체의 학습률</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>The learning rate each batch will use, from the schedule, the learning rate and the epochs chosen above; it changes as you change them.</source>
        <translation>위에서 고른 스케줄, 학습률, 에포크로 정해지는 배치별 학습률입니다. 설정을 바꾸면 함께 바뀝니다.</translation>
    </message>
    <message>
        <source>{batches} batches per epoch{estimate}; from {first} to {last}, highest {peak}</source>
        <translation>에포크당 배치 {batches}개{estimate}; {first}에서 {last}까지, 최고 {peak}</translation>
    </message>
    <message>
        <source> (estimated)</source>
        <translation> (추정)</translation>
    </message>
</context>
<context>
    <name>Shapes</name>
    <message>
        <source>{layer} expects an image (channels×height×width) but receives a flat vector of {size} — move it before Flatten, or remove the Flatten above it</source>
        <translation>{layer}은(는) 이미지(채널×높이×너비)를 받아야 하는데 길이 {size}의 평평한 벡터를 받습니다. 이 층을 Flatten 앞으로 옮기거나, 위에 있는 Flatten을 지우세요</translation>
    </message>
    <message>
        <source>{layer} expects an image (channels×height×width) but receives {shape}</source>
        <translation>{layer}은(는) 이미지(채널×높이×너비)를 받아야 하는데 {shape}을(를) 받습니다</translation>
    </message>
    <message>
        <source>{layer} expects a flat vector but receives {shape} — add Flatten before it</source>
        <translation>{layer}은(는) 평평한 벡터를 받아야 하는데 {shape}을(를) 받습니다. 앞에 Flatten을 추가하세요</translation>
    </message>
    <message>
        <source>{layer}&apos;s kernel {kernel} does not fit its input {size} — use a smaller kernel, add padding, or remove a pooling layer before it</source>
        <translation>{layer}의 커널 {kernel}이(가) 입력 {size}에 들어가지 않습니다. 커널을 줄이거나, 패딩을 더하거나, 앞의 풀링층을 지우세요</translation>
    </message>
    <message>
        <source>{layer}&apos;s window {kernel} is larger than its input {size} — use a smaller kernel or remove it</source>
        <translation>{layer}의 창 {kernel}이(가) 입력 {size}보다 큽니다. 커널을 줄이거나 이 층을 지우세요</translation>
    </message>
    <message>
        <source>{layer} needs a flat vector or an image, but receives {shape}</source>
        <translation>{layer}은(는) 평평한 벡터나 이미지를 받아야 하는데 {shape}을(를) 받습니다</translation>
    </message>
    <message>
        <source>{layer} expects a sequence (an image, whose rows are the steps) but receives a flat vector of {size} — place it before any Flatten, Linear or recurrent layer; to stack recurrent layers, raise its Stacked layers instead</source>
        <translation>{layer}은(는) 시퀀스(행 하나가 한 단계인 이미지)를 받아야 하는데 길이 {size}의 평평한 벡터를 받습니다. Flatten, Linear, 순환층보다 앞에 두세요. 순환층을 쌓으려면 대신 ‘쌓은 층 수’를 늘리세요</translation>
    </message>
    <message>
        <source>Layer #{number} has the unknown type {type} — choose one of: {types}</source>
        <translation>{number}번째 층의 종류 {type}을(를) 알 수 없습니다. 다음 중에서 고르세요: {types}</translation>
    </message>
    <message>
        <source>{layer} would have {count} parameters (about {size} GB for the weights alone, several times that while training) — use fewer units, or pool or stride before it</source>
        <translation>{layer}의 파라미터가 {count}개나 됩니다 (가중치만 약 {size} GB, 학습 중에는 그 몇 배). 유닛 수를 줄이거나, 앞에서 풀링이나 스트라이드로 크기를 줄이세요</translation>
    </message>
    <message>
        <source>{layer} holds {count} of the network&apos;s {total} parameters: it reads {inputs} numbers per example, the whole feature map — add MaxPool2d before Flatten (each 2×2 pooling quarters them)</source>
        <translation>{layer}에 네트워크 파라미터 {total}개 중 {count}개가 있습니다: 예제마다 특징 맵 전체인 {inputs}개의 수를 읽기 때문입니다 — Flatten 앞에 MaxPool2d를 추가하세요 (2×2 풀링마다 4분의 1로 줄어듭니다)</translation>
    </message>
    <message>
        <source>{layer} holds {count} of the network&apos;s {total} parameters: it reads {inputs} numbers per example — give it fewer units, or make its input smaller</source>
        <translation>{layer}에 네트워크 파라미터 {total}개 중 {count}개가 있습니다: 예제마다 {inputs}개의 수를 읽습니다 — 유닛 수를 줄이거나 입력을 작게 만드세요</translation>
    </message>
    <message>
        <source>{layer} alone has {count} parameters — use fewer units, or pool or stride before it</source>
        <translation>{layer} 하나의 파라미터가 {count}개입니다. 유닛 수를 줄이거나, 앞에서 풀링이나 스트라이드로 크기를 줄이세요</translation>
    </message>
    <message>
        <source>{layer} alone outputs {count} numbers per sample — use fewer filters or units, pool or stride before it, or a smaller batch size</source>
        <translation>{layer} 하나가 샘플마다 숫자 {count}개를 출력합니다. 필터나 유닛 수를 줄이거나, 앞에서 풀링이나 스트라이드를 쓰거나, 배치 크기를 줄이세요</translation>
    </message>
    <message>
        <source>Training needs about {needed} of memory with batch size {batch}, more than the {budget} this computer can spare: {cause}</source>
        <translation>배치 크기 {batch}로 학습하려면 메모리가 약 {needed} 필요해서, 이 컴퓨터가 내줄 수 있는 {budget}보다 많습니다: {cause}</translation>
    </message>
    <message>
        <source>The network has no layers — add at least a Linear layer (after Flatten for images)</source>
        <translation>네트워크에 층이 없습니다. 적어도 Linear 층 하나를 추가하세요 (이미지라면 Flatten 다음에)</translation>
    </message>
    <message>
        <source>{loss} needs class labels, but this dataset is regression (numbers to predict) — choose Mean squared error, L1 or Smooth L1 as the loss</source>
        <translation>{loss}에는 클래스 레이블이 필요한데 이 데이터셋은 회귀(숫자 예측)입니다. 손실 함수로 평균 제곱 오차, L1, Smooth L1 중 하나를 고르세요</translation>
    </message>
    <message>
        <source>The network ends with {shape}, but it must end with one score per class — add Flatten and a Linear layer with {units} units at the end</source>
        <translation>네트워크가 {shape}(으)로 끝나지만, 클래스마다 점수 하나로 끝나야 합니다. 끝에 Flatten과 유닛 {units}개짜리 Linear 층을 추가하세요</translation>
    </message>
    <message>
        <source>The network ends with {shape}, but it must end with one score per target — add Flatten and a Linear layer with {units} units at the end</source>
        <translation>네트워크가 {shape}(으)로 끝나지만, 목표값마다 점수 하나로 끝나야 합니다. 끝에 Flatten과 유닛 {units}개짜리 Linear 층을 추가하세요</translation>
    </message>
    <message>
        <source>The last layer gives {count} outputs but this regression data has {targets} targets — set its units to {targets}</source>
        <translation>마지막 층의 출력은 {count}개인데 이 회귀 데이터의 목표값은 {targets}개입니다. 유닛 수를 {targets}(으)로 바꾸세요</translation>
    </message>
    <message>
        <source>The last layer gives {count} outputs but this regression data has {targets} target — set its units to {targets}</source>
        <translation>마지막 층의 출력은 {count}개인데 이 회귀 데이터의 목표값은 {targets}개입니다. 유닛 수를 {targets}(으)로 바꾸세요</translation>
    </message>
    <message>
        <source>The network has nothing to learn: none of its layers has weights — add a Linear layer</source>
        <translation>네트워크가 학습할 것이 없습니다: 가중치가 있는 층이 하나도 없습니다. Linear 층을 추가하세요</translation>
    </message>
    <message>
        <source>Every layer with weights is frozen, so nothing can learn — tick &quot;Train this layer&quot; on at least one (usually the last Linear layer), or choose Unfreeze all</source>
        <translation>가중치가 있는 모든 층이 고정되어 아무것도 학습할 수 없습니다 — 적어도 한 층(보통 마지막 Linear 층)에서 &quot;이 층 학습&quot;을 체크하거나 &apos;모두 고정 해제&apos;를 고르세요</translation>
    </message>
    <message>
        <source>The network gives {width} outputs but the dataset has {classes} classes — set the last Linear layer&apos;s units to {classes}</source>
        <translation>네트워크의 출력은 {width}개인데 데이터셋의 클래스는 {classes}개입니다. 마지막 Linear 층의 유닛 수를 {classes}(으)로 바꾸세요</translation>
    </message>
    <message>
        <source>The network gives {width} output but the dataset has {classes} classes — set the last Linear layer&apos;s units to {classes}</source>
        <translation>네트워크의 출력은 {width}개인데 데이터셋의 클래스는 {classes}개입니다. 마지막 Linear 층의 유닛 수를 {classes}(으)로 바꾸세요</translation>
    </message>
    <message>
        <source>The network gives {width} outputs but the dataset has {classes} classes — the extra outputs are never the answer; set the last Linear layer&apos;s units to {classes}</source>
        <translation>네트워크의 출력은 {width}개인데 데이터셋의 클래스는 {classes}개입니다. 남는 출력은 결코 답이 되지 않으니 마지막 Linear 층의 유닛 수를 {classes}(으)로 바꾸세요</translation>
    </message>
    <message>
        <source>{layer} right before CrossEntropyLoss: the loss already applies softmax, so training is slowed — remove the last layer</source>
        <translation>CrossEntropyLoss 바로 앞에 {layer}이(가) 있습니다. 손실 함수가 이미 소프트맥스를 적용하므로 학습이 느려집니다. 마지막 층을 지우세요</translation>
    </message>
    <message>
        <source>Sigmoid output with CrossEntropyLoss squashes the scores into (0, 1) and learns slowly — remove the Sigmoid; the loss expects raw scores</source>
        <translation>CrossEntropyLoss 앞의 Sigmoid 출력은 점수를 (0, 1) 사이로 눌러서 학습이 느립니다. Sigmoid를 지우세요. 이 손실 함수는 날것의 점수를 받습니다</translation>
    </message>
    <message>
        <source>NLLLoss expects log-probabilities — end the network with LogSoftmax, or use CrossEntropy</source>
        <translation>NLLLoss는 로그 확률을 받습니다. 네트워크를 LogSoftmax로 끝내거나 교차 엔트로피를 쓰세요</translation>
    </message>
    <message>
        <source>Sigmoid before BCEWithLogitsLoss applies sigmoid twice — remove the Sigmoid layer</source>
        <translation>BCEWithLogitsLoss 앞의 Sigmoid는 시그모이드를 두 번 적용하게 됩니다. Sigmoid 층을 지우세요</translation>
    </message>
    <message>
        <source>{first} and {second} have no activation between them, so together they are still one linear map — add an activation such as ReLU between them</source>
        <translation>{first}와(과) {second} 사이에 활성화 함수가 없어서 둘을 합쳐도 하나의 선형 변환일 뿐입니다. 그 사이에 ReLU 같은 활성화 함수를 넣으세요</translation>
    </message>
    <message>
        <source>The learning rate {lr} is far above what {optimizer} usually trains with (at most {most}): the loss will jump around or blow up instead of going down — try {typical}</source>
        <translation>학습률 {lr}은(는) {optimizer}이(가) 보통 학습하는 값(최대 {most})보다 훨씬 큽니다. 손실이 줄지 않고 들쭉날쭉하거나 폭발할 것입니다. {typical}을(를) 써 보세요</translation>
    </message>
    <message>
        <source>{shape} from {block}</source>
        <translation>{block}에서 온 {shape}</translation>
    </message>
    <message>
        <source>{first} and {second}</source>
        <translation>{first}와(과) {second}</translation>
    </message>
    <message>
        <source>{first}, {rest}</source>
        <translation>{first}, {rest}</translation>
    </message>
    <message>
        <source>{layer} gets {inputs} — Add sums its inputs number by number, so their shapes must be equal: give those blocks the same size, add a Linear (or 1×1 Conv2d) on one path, or use Concat</source>
        <translation>{layer}이(가) {inputs}을(를) 받습니다. Add는 입력을 숫자 하나하나끼리 더하므로 모양이 같아야 합니다: 두 블록의 크기를 같게 하거나, 한쪽 경로에 Linear(또는 1×1 Conv2d)를 넣거나, Concat을 쓰세요</translation>
    </message>
    <message>
        <source>{layer} gets {inputs} — Concat puts images side by side along their channels, so their height and width must be equal: pool or stride one path until they match</source>
        <translation>{layer}이(가) {inputs}을(를) 받습니다. Concat은 이미지를 채널 방향으로 나란히 붙이므로 높이와 너비가 같아야 합니다: 한쪽 경로를 풀링이나 스트라이드로 줄여 맞추세요</translation>
    </message>
    <message>
        <source>{layer} gets {inputs} — Concat joins inputs of the same kind (all images or all vectors): add Flatten on the image path, or join them before it</source>
        <translation>{layer}이(가) {inputs}을(를) 받습니다. Concat은 같은 종류의 입력(모두 이미지이거나 모두 벡터)만 붙입니다: 이미지 경로에 Flatten을 넣거나, 그 앞에서 합치세요</translation>
    </message>
    <message>
        <source>{layer} joins two or more inputs — connect a second block to it, or delete it</source>
        <translation>{layer}은(는) 두 개 이상의 입력을 합칩니다. 두 번째 블록을 연결하거나 이 블록을 지우세요</translation>
    </message>
</context>
<context>
    <name>StepView</name>
    <message>
        <source>Pause training (or start it paused) and press &lt;b&gt;Step&lt;/b&gt;: the network trains on exactly one batch, and this tab takes that step apart — forward, backward, update.</source>
        <translation>학습을 일시정지하거나 일시정지 상태로 시작한 뒤 &lt;b&gt;한 스텝&lt;/b&gt;을 누르세요. 네트워크가 배치 하나로만 학습하고, 이 탭이 그 한 스텝을 순전파, 역전파, 업데이트로 나눠 보여 줍니다.</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>층</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>파라미터</translation>
    </message>
    <message>
        <source>‖weights‖</source>
        <translation>‖가중치‖</translation>
    </message>
    <message>
        <source>‖gradient‖</source>
        <translation>‖기울기‖</translation>
    </message>
    <message>
        <source>‖change‖</source>
        <translation>‖변화량‖</translation>
    </message>
    <message>
        <source>‖lr × gradient‖</source>
        <translation>‖학습률 × 기울기‖</translation>
    </message>
    <message>
        <source>change ÷ (lr × gradient)</source>
        <translation>변화량 ÷ (학습률 × 기울기)</translation>
    </message>
    <message>
        <source>Optimizer state</source>
        <translation>옵티마이저 상태</translation>
    </message>
    <message>
        <source>momentum</source>
        <translation>모멘텀</translation>
    </message>
    <message>
        <source>RMSprop mean square</source>
        <translation>RMSprop 제곱 평균</translation>
    </message>
    <message>
        <source>Adagrad sum</source>
        <translation>Adagrad 합</translation>
    </message>
    <message>
        <source>Adam keeps a running mean of the gradients (m) and of their squares (v) and moves each weight by lr × m ÷ √v (lr = {lr}): every weight gets its own step size, so the change is not lr × gradient.</source>
        <translation>Adam은 기울기의 이동 평균(m)과 기울기 제곱의 이동 평균(v)을 유지하며 각 가중치를 학습률 × m ÷ √v 만큼 움직입니다 (학습률 = {lr}). 가중치마다 보폭이 달라서 변화량이 학습률 × 기울기와 같지 않습니다.</translation>
    </message>
    <message>
        <source>SGD with momentum moves along a running sum of past gradients (the momentum buffer) scaled by lr = {lr}: steps build up speed in directions the gradients agree on.</source>
        <translation>모멘텀을 쓴 SGD는 지난 기울기의 누적합(모멘텀 버퍼)에 학습률 = {lr}을 곱한 만큼 움직입니다. 기울기의 방향이 한결같은 쪽으로 속도가 붙습니다.</translation>
    </message>
    <message>
        <source>{optimizer} scales each gradient using the state it keeps (last column) before moving the weights, with lr = {lr}.</source>
        <translation>{optimizer}은(는) 가중치를 움직이기 전에 자신이 유지하는 상태(마지막 열)로 각 기울기의 크기를 조절합니다. 학습률 = {lr}.</translation>
    </message>
    <message>
        <source>Plain gradient descent: every weight moves against its gradient by exactly lr × gradient (lr = {lr}), so the last two columns are equal.</source>
        <translation>기본 경사 하강법: 모든 가중치가 기울기 반대 방향으로 정확히 학습률 × 기울기 만큼 움직이므로 (학습률 = {lr}), 마지막 두 열이 같습니다.</translation>
    </message>
    <message>
        <source>The first images of this batch exactly as the network received them: distorted when Augmentation is on</source>
        <translation>이 배치의 처음 이미지들을 네트워크가 받은 그대로 보여 줍니다: 데이터 증강을 켜면 변형된 모습입니다</translation>
    </message>
    <message>
        <source>Gradient norm per layer</source>
        <translation>층별 기울기 노름</translation>
    </message>
    <message>
        <source>Change vs lr × gradient</source>
        <translation>변화량과 lr × 기울기</translation>
    </message>
    <message>
        <source>change made</source>
        <translation>실제 변화량</translation>
    </message>
    <message>
        <source>lr × gradient</source>
        <translation>학습률 × 기울기</translation>
    </message>
    <message>
        <source>&lt;b&gt;From the last run, before your changes&lt;/b&gt; (it trained with {optimizer}, lr = {lr}). Press Step to take a step of the network as it is now.</source>
        <translation>&lt;b&gt;바꾸기 전의 지난 실행입니다&lt;/b&gt; ({optimizer}, lr = {lr}로 학습). 지금 네트워크의 스텝을 보려면 한 스텝을 누르세요.</translation>
    </message>
    <message>
        <source>Could not take the step apart: {reason}</source>
        <translation>스텝을 나눠 보지 못했습니다: {reason}</translation>
    </message>
    <message>
        <source>Batch {batch} of {batches} in epoch {epoch} (step {step} of the run). Press Step again for the next batch.</source>
        <translation>{epoch} 에폭의 배치 {batches}개 중 {batch}번째 (전체 {step}번째 스텝). 다음 배치를 보려면 ‘한 스텝’을 다시 누르세요.</translation>
    </message>
    <message>
        <source>One training step:</source>
        <translation>학습 한 스텝:</translation>
    </message>
    <message>
        <source>&lt;b&gt;1 · Forward&lt;/b&gt;&lt;br&gt;input {input} → output {output}&lt;br&gt;loss = &lt;b&gt;{loss}&lt;/b&gt;&lt;br&gt;&lt;br&gt;The batch flows through the layers to one row of scores per example; the loss measures how wrong those scores are.</source>
        <translation>&lt;b&gt;1 · 순전파&lt;/b&gt;&lt;br&gt;입력 {input} → 출력 {output}&lt;br&gt;손실 = &lt;b&gt;{loss}&lt;/b&gt;&lt;br&gt;&lt;br&gt;배치가 층을 차례로 지나 샘플마다 점수 한 줄이 됩니다. 손실은 그 점수가 얼마나 틀렸는지를 잽니다.</translation>
    </message>
    <message>
        <source>Largest gradient: {layer} ({norm}).</source>
        <translation>가장 큰 기울기: {layer} ({norm}).</translation>
    </message>
    <message>
        <source>This network has no weights.</source>
        <translation>이 네트워크에는 가중치가 없습니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;2 · Backward&lt;/b&gt;&lt;br&gt;{strongest}&lt;br&gt;&lt;br&gt;Backpropagation works out, for every weight, how much the loss would change if that weight moved: the gradient. Its size per layer is below.</source>
        <translation>&lt;b&gt;2 · 역전파&lt;/b&gt;&lt;br&gt;{strongest}&lt;br&gt;&lt;br&gt;역전파는 가중치마다 그 가중치가 움직이면 손실이 얼마나 변할지, 즉 기울기를 계산합니다. 층별 기울기 크기는 아래에 있습니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;3 · Update&lt;/b&gt;&lt;br&gt;{sentence}</source>
        <translation>&lt;b&gt;3 · 업데이트&lt;/b&gt;&lt;br&gt;{sentence}</translation>
    </message>
</context>
<context>
    <name>Training</name>
    <message>
        <source>Out of memory — use a smaller batch size or fewer units/filters.</source>
        <translation>메모리가 부족합니다. 배치 크기를 줄이거나 유닛/필터 수를 줄이세요.</translation>
    </message>
    <message>
        <source>Training failed: {reason}</source>
        <translation>학습에 실패했습니다: {reason}</translation>
    </message>
    <message>
        <source>The training set is empty — add data or lower the validation split.</source>
        <translation>학습 데이터가 비어 있습니다. 데이터를 추가하거나 검증 데이터 비율을 낮추세요.</translation>
    </message>
    <message>
        <source>The loss became {value} at epoch {epoch}, batch {batch}: {advice}</source>
        <translation>{epoch} 에폭, 배치 {batch}에서 손실이 {value}이(가) 되었습니다: {advice}</translation>
    </message>
    <message>
        <source>infinite</source>
        <translation>무한대</translation>
    </message>
    <message>
        <source>The validation loss became {value} after epoch {epoch}: {advice}</source>
        <translation>{epoch} 에폭 후 검증 손실이 {value}이(가) 되었습니다: {advice}</translation>
    </message>
    <message>
        <source>The loss grew from {first} to {last} by epoch {epoch} — training diverged: {advice}</source>
        <translation>{epoch} 에폭까지 손실이 {first}에서 {last}(으)로 커졌습니다. 학습이 발산했습니다: {advice}</translation>
    </message>
    <message>
        <source>The loss did not go down in {epochs} epochs ({first} at the first batch, {last} in the last epoch): {advice}</source>
        <translation>{epochs} 에폭 동안 손실이 줄지 않았습니다 (첫 배치 {first}, 마지막 에폭 {last}): {advice}</translation>
    </message>
    <message>
        <source>The loss did not go down in {epochs} epoch ({first} at the first batch, {last} in the last epoch): {advice}</source>
        <translation>{epochs} 에폭 동안 손실이 줄지 않았습니다 (첫 배치 {first}, 마지막 에폭 {last}): {advice}</translation>
    </message>
    <message>
        <source>the learning rate ({lr}) is probably too high — try {suggestion}, or turn on gradient clipping.</source>
        <translation>학습률({lr})이 너무 높은 것 같습니다. {suggestion}을(를) 써 보거나 기울기 클리핑을 켜세요.</translation>
    </message>
    <message>
        <source>the learning rate ({lr}) is probably too high — try {suggestion}.</source>
        <translation>학습률({lr})이 너무 높은 것 같습니다. {suggestion}을(를) 써 보세요.</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <source>all</source>
        <translation>전부</translation>
    </message>
    <message>
        <source>Train on at most this many images (quick experiments); &apos;all&apos; uses every image</source>
        <translation>최대 이만큼의 이미지로만 학습합니다 (빠른 실험용). ‘전부’는 모든 이미지를 씁니다</translation>
    </message>
    <message>
        <source>Samples per gradient step</source>
        <translation>기울기 한 스텝에 쓰는 샘플 수</translation>
    </message>
    <message>
        <source>Learning rate η: the arrows step 1-2-5 per decade (1e-5 … 10); type any value</source>
        <translation>학습률 η: 화살표는 자릿수마다 1-2-5 단계로 움직입니다 (1e-5 … 10). 아무 값이나 입력해도 됩니다</translation>
    </message>
    <message>
        <source>Momentum μ: how much of the previous step each step keeps</source>
        <translation>모멘텀 μ: 매 스텝이 이전 스텝을 얼마나 이어받는지</translation>
    </message>
    <message>
        <source>Look ahead along the momentum before taking the gradient (needs momentum &gt; 0)</source>
        <translation>기울기를 구하기 전에 모멘텀 방향으로 미리 내다봅니다 (모멘텀 &gt; 0 필요)</translation>
    </message>
    <message>
        <source>β₁: how slowly Adam&apos;s average of the gradients (m) forgets</source>
        <translation>β₁: Adam의 기울기 평균(m)이 얼마나 천천히 잊는지</translation>
    </message>
    <message>
        <source>β₂: how slowly Adam&apos;s average of the squared gradients (v) forgets</source>
        <translation>β₂: Adam의 기울기 제곱 평균(v)이 얼마나 천천히 잊는지</translation>
    </message>
    <message>
        <source>L2 penalty applied by the optimizer (decoupled in AdamW)</source>
        <translation>옵티마이저가 적용하는 L2 벌점 (AdamW에서는 분리해서 적용)</translation>
    </message>
    <message>
        <source>Passes over the training data</source>
        <translation>학습 데이터를 훑는 횟수</translation>
    </message>
    <message>
        <source>Same seed, same initial weights and batch order: runs are repeatable</source>
        <translation>시드가 같으면 초기 가중치와 배치 순서도 같아서 실행을 그대로 재현할 수 있습니다</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>자동</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>데이터셋</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>이미지 수</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>배치 크기</translation>
    </message>
    <message>
        <source>Loss and optimizer</source>
        <translation>손실 함수와 옵티마이저</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>옵티마이저</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>모멘텀</translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation>가중치 감쇠</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>학습률 스케줄</translation>
    </message>
    <message>
        <source>Step every (epochs)</source>
        <translation>스텝 간격 (에폭)</translation>
    </message>
    <message>
        <source>Decay γ</source>
        <translation>감쇠율 γ</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>에폭 수</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>장치</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시정지</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>한 스텝</translation>
    </message>
    <message>
        <source>Run exactly one batch, then pause</source>
        <translation>배치 하나만 학습하고 일시정지합니다</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>준비됨</translation>
    </message>
    <message>
        <source>Change dataset</source>
        <translation>데이터셋 변경</translation>
    </message>
    <message>
        <source>Change image limit</source>
        <translation>이미지 수 변경</translation>
    </message>
    <message>
        <source>Change batch size</source>
        <translation>배치 크기 변경</translation>
    </message>
    <message>
        <source>Change loss</source>
        <translation>손실 함수 변경</translation>
    </message>
    <message>
        <source>Change optimizer</source>
        <translation>옵티마이저 변경</translation>
    </message>
    <message>
        <source>Change learning rate</source>
        <translation>학습률 변경</translation>
    </message>
    <message>
        <source>Change momentum</source>
        <translation>모멘텀 변경</translation>
    </message>
    <message>
        <source>Toggle Nesterov</source>
        <translation>네스테로프 켜기/끄기</translation>
    </message>
    <message>
        <source>Change β₁</source>
        <translation>β₁ 변경</translation>
    </message>
    <message>
        <source>Change β₂</source>
        <translation>β₂ 변경</translation>
    </message>
    <message>
        <source>Change weight decay</source>
        <translation>가중치 감쇠 변경</translation>
    </message>
    <message>
        <source>Change schedule</source>
        <translation>학습률 스케줄 변경</translation>
    </message>
    <message>
        <source>Change schedule step</source>
        <translation>스케줄 간격 변경</translation>
    </message>
    <message>
        <source>Change schedule γ</source>
        <translation>스케줄 γ 변경</translation>
    </message>
    <message>
        <source>Change epochs</source>
        <translation>에폭 수 변경</translation>
    </message>
    <message>
        <source>Change seed</source>
        <translation>시드 변경</translation>
    </message>
    <message>
        <source>Change device</source>
        <translation>장치 변경</translation>
    </message>
    <message>
        <source>{count} (built-in sample)</source>
        <translation>{count} (내장 샘플)</translation>
    </message>
    <message>
        <source> of the sample</source>
        <translation> (샘플 중)</translation>
    </message>
    <message>
        <source>The full dataset is not in the data folder: runs use the built-in sample of {count} images. Data → Download full datasets gets all of them.</source>
        <translation>데이터 폴더에 전체 데이터셋이 없어 내장 샘플 {count}장으로 학습합니다. 데이터 → 전체 데이터셋 내려받기로 전부 받을 수 있습니다.</translation>
    </message>
    <message>
        <source>CUDA or MPS when present, else the CPU</source>
        <translation>CUDA나 MPS가 있으면 그것을, 없으면 CPU를 씁니다</translation>
    </message>
    <message>
        <source>The processor</source>
        <translation>프로세서</translation>
    </message>
    <message>
        <source>The NVIDIA GPU</source>
        <translation>NVIDIA GPU</translation>
    </message>
    <message>
        <source>The Apple GPU (Metal)</source>
        <translation>Apple GPU (Metal)</translation>
    </message>
    <message>
        <source>Train the network from fresh weights</source>
        <translation>새 가중치로 네트워크를 학습합니다</translation>
    </message>
    <message>
        <source>Cannot train: {reason}</source>
        <translation>학습할 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>계속</translation>
    </message>
    <message>
        <source>Gradient health after epoch {epoch}:</source>
        <translation>에포크 {epoch} 뒤 그래디언트 건강 상태:</translation>
    </message>
    <message>
        <source>Learn more</source>
        <translation>자세히</translation>
    </message>
</context>
<context>
    <name>TrainingRun</name>
    <message>
        <source>Loading data…</source>
        <translation>데이터를 불러오는 중…</translation>
    </message>
    <message>
        <source>Loading data and building the model…</source>
        <translation>데이터를 불러오고 모델을 만드는 중…</translation>
    </message>
    <message>
        <source>Paused — Resume to continue, Step for one batch</source>
        <translation>일시정지됨 — ‘계속’을 누르면 이어서, ‘한 스텝’을 누르면 배치 하나만 학습합니다</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>중지하는 중…</translation>
    </message>
    <message>
        <source>{rate} samples/s</source>
        <translation>초당 샘플 {rate}개</translation>
    </message>
    <message>
        <source>ETA {time}</source>
        <translation>남은 시간 {time}</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>일시정지됨</translation>
    </message>
    <message>
        <source>Epoch {epoch} of {epochs} · batch {batch}/{batches}</source>
        <translation>에폭 {epoch}/{epochs} · 배치 {batch}/{batches}</translation>
    </message>
    <message>
        <source>Epoch {epoch} of {epochs}</source>
        <translation>에폭 {epoch}/{epochs}</translation>
    </message>
    <message>
        <source>Training on {train} samples ({validation} for validation), {parameters} parameters, device {device}</source>
        <translation>샘플 {train}개로 학습 (검증용 {validation}개), 파라미터 {parameters}개, 장치 {device}</translation>
    </message>
    <message>
        <source>Epoch {epoch}/{epochs}: training loss {loss}</source>
        <translation>에폭 {epoch}/{epochs}: 학습 손실 {loss}</translation>
    </message>
    <message>
        <source>, validation loss {loss}</source>
        <translation>, 검증 손실 {loss}</translation>
    </message>
    <message>
        <source>, validation accuracy {accuracy}</source>
        <translation>, 검증 정확도 {accuracy}</translation>
    </message>
    <message>
        <source>View {name} is unavailable: {reason}</source>
        <translation>{name} 보기를 쓸 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>Training completed in {time}.</source>
        <translation>학습을 {time} 만에 마쳤습니다.</translation>
    </message>
    <message>
        <source>Test accuracy {accuracy} (before training {before}).</source>
        <translation>테스트 정확도 {accuracy} (학습 전 {before}).</translation>
    </message>
    <message>
        <source>Test accuracy {accuracy}.</source>
        <translation>테스트 정확도 {accuracy}.</translation>
    </message>
    <message>
        <source>Test loss {loss}.</source>
        <translation>테스트 손실 {loss}.</translation>
    </message>
    <message>
        <source>Stopped after {count} batch</source>
        <translation>배치 {count}개 후 중지됨</translation>
    </message>
    <message>
        <source>Stopped after {count} batches</source>
        <translation>배치 {count}개 후 중지됨</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>중지됨.</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>Training failed.</source>
        <translation>학습에 실패했습니다.</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds}초</translation>
    </message>
    <message>
        <source>{minutes} min {seconds} s</source>
        <translation>{minutes}분 {seconds}초</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours}시간 {minutes}분</translation>
    </message>
</context>
<context>
    <name>TransferActions</name>
    <message>
        <source>Start from &amp;trained weights…</source>
        <translation>학습된 가중치에서 시작(&amp;T)…</translation>
    </message>
    <message>
        <source>Copy a trained model&apos;s weights into the layers of this network that match them (transfer learning)</source>
        <translation>학습된 모델의 가중치를 이 신경망에서 맞는 층에 복사합니다 (전이 학습)</translation>
    </message>
    <message>
        <source>Start from trained weights</source>
        <translation>학습된 가중치에서 시작</translation>
    </message>
    <message>
        <source>Which trained weights should this network start from? Layers whose type and shape match get the weights, in order; the others start fresh.</source>
        <translation>이 신경망을 어떤 학습된 가중치에서 시작할까요? 종류와 모양이 맞는 층이 차례로 가중치를 받고, 나머지는 새로 시작합니다.</translation>
    </message>
    <message>
        <source>fresh weights</source>
        <translation>새 가중치</translation>
    </message>
    <message>
        <source>Now: {source}</source>
        <translation>현재: {source}</translation>
    </message>
    <message>
        <source>Bundled MNIST CNN</source>
        <translation>내장 MNIST CNN</translation>
    </message>
    <message>
        <source>Checkpoint file…</source>
        <translation>체크포인트 파일…</translation>
    </message>
    <message>
        <source>Start fresh</source>
        <translation>새로 시작</translation>
    </message>
    <message>
        <source>Start from a checkpoint</source>
        <translation>체크포인트에서 시작</translation>
    </message>
    <message>
        <source>Reading {source}…</source>
        <translation>{source} 읽는 중…</translation>
    </message>
    <message>
        <source>Cannot start from these weights</source>
        <translation>이 가중치에서 시작할 수 없습니다</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>아무것도 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <source>Weights from {source}: {loaded}.</source>
        <translation>{source}의 가중치: {loaded}.</translation>
    </message>
    <message>
        <source>Starting fresh: {fresh}.</source>
        <translation>새로 시작: {fresh}.</translation>
    </message>
    <message>
        <source>Start from fresh weights</source>
        <translation>새 가중치에서 시작</translation>
    </message>
    <message>
        <source>The network starts from fresh random weights.</source>
        <translation>신경망이 새 무작위 가중치에서 시작합니다.</translation>
    </message>
    <message>
        <source>Train {layer}</source>
        <translation>{layer} 학습</translation>
    </message>
    <message>
        <source>Freeze {layer}</source>
        <translation>{layer} 고정</translation>
    </message>
    <message>
        <source>Freeze layers 1 to {row}</source>
        <translation>1~{row}번 층 고정</translation>
    </message>
    <message>
        <source>Unfreeze all layers</source>
        <translation>모든 층 고정 해제</translation>
    </message>
    <message>
        <source>The network has no Linear layer to use as its head — add one at the end.</source>
        <translation>헤드로 쓸 Linear 층이 없습니다 — 끝에 하나 추가하세요.</translation>
    </message>
    <message>
        <source>Replace the head</source>
        <translation>헤드 교체</translation>
    </message>
    <message>
        <source>{layer} is the new head: {units} outputs, learning.</source>
        <translation>{layer}이(가) 새 헤드입니다: 출력 {units}개, 학습함.</translation>
    </message>
</context>
<context>
    <name>TutorialPanel</name>
    <message>
        <source>Choose the dataset “MNIST digits” in the Training panel.</source>
        <translation>‘학습’ 패널에서 데이터셋을 “MNIST 숫자”로 고르세요.</translation>
    </message>
    <message>
        <source>Next block: {block} (click it in the Layers palette).</source>
        <translation>다음 블록: {block} (‘층’ 팔레트에서 클릭하세요).</translation>
    </message>
    <message>
        <source>Layer {number} should be {block}, not {other}: select it and press Delete, or drag it into place.</source>
        <translation>{number}번째 층은 {other}이(가) 아니라 {block}이어야 합니다. 선택해서 Delete를 누르거나 알맞은 자리로 끌어 옮기세요.</translation>
    </message>
    <message>
        <source>Select Linear #{number} and set its Units to {units} in the layer editor.</source>
        <translation>Linear #{number}을(를) 선택하고 층 설정에서 유닛 수를 {units}(으)로 바꾸세요.</translation>
    </message>
    <message>
        <source>Remove the layers after the last Linear (select one and press Delete).</source>
        <translation>마지막 Linear 뒤의 층을 지우세요 (선택하고 Delete).</translation>
    </message>
    <message>
        <source>Start from an empty network</source>
        <translation>빈 네트워크에서 시작하기</translation>
    </message>
    <message>
        <source>You are going to build the course&apos;s first network yourself. Empty the network with the button below (Edit → Undo brings the old one back).</source>
        <translation>강의의 첫 네트워크를 직접 만들어 봅시다. 아래 버튼으로 네트워크를 비우세요 (편집 → 실행 취소로 원래대로 되돌릴 수 있습니다).</translation>
    </message>
    <message>
        <source>Build the seed MLP</source>
        <translation>기본 MLP 만들기</translation>
    </message>
    <message>
        <source>Click blocks in the &lt;b&gt;Layers&lt;/b&gt; palette to add them at the end: &lt;b&gt;Flatten&lt;/b&gt;, &lt;b&gt;Linear&lt;/b&gt;, &lt;b&gt;ReLU&lt;/b&gt;, &lt;b&gt;Linear&lt;/b&gt;, &lt;b&gt;ReLU&lt;/b&gt;, &lt;b&gt;Linear&lt;/b&gt;. Then select each Linear layer and set its &lt;b&gt;Units&lt;/b&gt;: 128, 64 and 10.&lt;br&gt;&lt;br&gt;The &lt;b&gt;Network&lt;/b&gt; panel shows every layer&apos;s output shape: 784 → 128 → 64 → 10 (109,386 parameters). Flatten turns the 28×28 image into 784 numbers; the last Linear layer gives one score per digit.</source>
        <translation>&lt;b&gt;층&lt;/b&gt; 팔레트의 블록을 클릭하면 맨 끝에 추가됩니다: &lt;b&gt;Flatten&lt;/b&gt;, &lt;b&gt;Linear&lt;/b&gt;, &lt;b&gt;ReLU&lt;/b&gt;, &lt;b&gt;Linear&lt;/b&gt;, &lt;b&gt;ReLU&lt;/b&gt;, &lt;b&gt;Linear&lt;/b&gt;. 그런 다음 Linear 층을 하나씩 선택해 &lt;b&gt;유닛 수&lt;/b&gt;를 128, 64, 10으로 정하세요.&lt;br&gt;&lt;br&gt;&lt;b&gt;네트워크&lt;/b&gt; 패널에 층마다 출력 모양이 나옵니다: 784 → 128 → 64 → 10 (파라미터 109,386개). Flatten은 28×28 이미지를 숫자 784개로 펼치고, 마지막 Linear 층은 숫자마다 점수 하나를 냅니다.</translation>
    </message>
    <message>
        <source>Train it</source>
        <translation>학습시키기</translation>
    </message>
    <message>
        <source>Draw a digit</source>
        <translation>숫자 그리기</translation>
    </message>
    <message>
        <source>Press &lt;b&gt;Train&lt;/b&gt; in the &lt;b&gt;Training&lt;/b&gt; panel on the right. The loss (how wrong the network is) falls batch after batch, and every epoch (one pass over the training images) adds a point to the accuracy plot. How long it takes depends on the images, the epochs and this computer: the bar under the buttons shows the time left. To see the batches go by, choose &lt;b&gt;Speed: watch&lt;/b&gt; before you press Train.</source>
        <translation>오른쪽 &lt;b&gt;학습&lt;/b&gt; 패널에서 &lt;b&gt;학습&lt;/b&gt;을 누르세요. 손실(네트워크가 얼마나 틀리는지)이 배치마다 줄어들고, 에포크(학습 이미지를 한 번 다 보는 것)마다 정확도 그래프에 점이 하나 찍힙니다. 걸리는 시간은 이미지 수, 에포크 수와 이 컴퓨터에 따라 다릅니다: 버튼 아래의 막대가 남은 시간을 보여 줍니다. 배치가 지나가는 것을 보려면 학습을 누르기 전에 &lt;b&gt;속도: 지켜보기&lt;/b&gt;를 고르세요.</translation>
    </message>
    <message>
        <source>Open the &lt;b&gt;Draw&lt;/b&gt; tab and draw a digit with the mouse (press Clear first if the canvas shows an old one). The bars show the probability your network gives each digit, and the small picture is the 28×28 input it sees.</source>
        <translation>&lt;b&gt;그리기&lt;/b&gt; 탭을 열고 마우스로 숫자를 그리세요 (캔버스에 예전 그림이 있으면 먼저 지우기를 누르세요). 막대는 네트워크가 각 숫자에 주는 확률이고, 작은 그림은 네트워크가 보는 28×28 입력입니다.</translation>
    </message>
    <message>
        <source>Done!</source>
        <translation>완료!</translation>
    </message>
    <message>
        <source>You built, trained and used a neural network. Next: try the optimizer SGD instead of Adam, add Dropout, or press &lt;b&gt;F1&lt;/b&gt; over any block to read what it does (Help → Concepts).</source>
        <translation>신경망을 직접 만들고, 학습시키고, 써 보았습니다. 다음에는 옵티마이저를 Adam 대신 SGD로 바꿔 보거나, Dropout을 추가하거나, 블록 위에서 &lt;b&gt;F1&lt;/b&gt;을 눌러 설명을 읽어 보세요 (도움말 → 개념).</translation>
    </message>
    <message>
        <source>Tutorial: your first network</source>
        <translation>튜토리얼: 나의 첫 네트워크</translation>
    </message>
    <message>
        <source>Skip this step</source>
        <translation>이 단계 건너뛰기</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Empty the network</source>
        <translation>네트워크 비우기</translation>
    </message>
    <message>
        <source>Open the Draw tab</source>
        <translation>‘그리기’ 탭 열기</translation>
    </message>
    <message>
        <source>Training… watch the Training tab.</source>
        <translation>학습 중… ‘학습’ 탭을 지켜보세요.</translation>
    </message>
    <message>
        <source>The run was stopped before the end: press Train again and let it finish.</source>
        <translation>학습이 끝나기 전에 중지되었습니다. ‘학습’을 다시 누르고 끝날 때까지 기다리세요.</translation>
    </message>
    <message>
        <source>The run failed (see the message under the Train button); fix that and press Train again, or skip this step.</source>
        <translation>학습에 실패했습니다 (‘학습’ 버튼 아래 메시지를 보세요). 문제를 고친 뒤 다시 누르거나, 이 단계를 건너뛰세요.</translation>
    </message>
    <message>
        <source>This window has no Draw tab.</source>
        <translation>이 창에는 ‘그리기’ 탭이 없습니다.</translation>
    </message>
    <message>
        <source>“{name}” has unsaved changes. Remove its layers? Its data and training settings stay, and Edit → Undo brings the layers back.</source>
        <translation>“{name}”에 저장하지 않은 변경이 있습니다. 층을 지울까요? 데이터와 학습 설정은 그대로 두며, 편집 → 실행 취소로 층을 되돌릴 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>ViewBox</name>
    <message>
        <source>View All</source>
        <translation>전체 보기</translation>
    </message>
    <message>
        <source>Mouse Mode</source>
        <translation>마우스 모드</translation>
    </message>
    <message>
        <source>3 button</source>
        <translation>버튼 3개</translation>
    </message>
    <message>
        <source>1 button</source>
        <translation>버튼 1개</translation>
    </message>
    <message>
        <source>ViewBox options</source>
        <translation>보기 설정</translation>
    </message>
</context>
</TS>
